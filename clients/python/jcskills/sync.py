"""A small synchronous wrapper: the asyncio client on its own event-loop thread, so a
script can call services without writing ``async``. Streaming results come back as plain
iterators; each step waits on the loop thread."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Callable, Coroutine, Iterator, Optional, TypeVar

from .client import Client, ResponseStream, StreamingCall

T = TypeVar("T")


class SyncClient:
    """``SyncClient(endpoints, tls, **client_options)``; use as a context manager or call
    ``close()``. ``service(GeneratedClass)`` gives a typed service whose methods block."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="jcskills-client", daemon=True)
        self._thread.start()
        self.client: Client = self.run(self._make(args, kwargs))

    @staticmethod
    async def _make(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Client:
        return Client(*args, **kwargs)

    def run(self, coro: Coroutine[Any, Any, T], timeout: Optional[float] = None) -> T:
        """Runs a coroutine on the client's loop and waits for its result."""
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def __enter__(self) -> "SyncClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self._loop.is_running():
            self.run(self.client.close())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)

    # -- the four shapes

    def unary(self, method: Any, request: Any = None, **kwargs: Any) -> Any:
        return self.run(self.client.unary(method, request, **kwargs))

    def server_streaming(self, method: Any, request: Any = None, **kwargs: Any) -> Iterator[Any]:
        return self._iterate(self.run(self._stream(method, request, kwargs)))

    async def _stream(self, method: Any, request: Any, kwargs: dict[str, Any]) -> ResponseStream:
        return self.client.server_streaming(method, request, **kwargs)

    def client_streaming(self, method: Any, requests: Any, **kwargs: Any) -> Any:
        return self.run(self.client.client_streaming(method, list(requests), **kwargs))

    def health(self, service: str = "", timeout: Optional[float] = None) -> Any:
        return self.run(self.client.health(service, timeout))

    def _iterate(self, stream: Any) -> Iterator[Any]:
        try:
            while True:
                try:
                    yield self.run(stream.__anext__())
                except StopAsyncIteration:
                    return
        finally:
            # Left early (break, exception): CANCEL the call (§6.2).
            if isinstance(stream, ResponseStream):
                self._loop.call_soon_threadsafe(stream.cancel)

    def service(self, cls: Callable[[Client], Any]) -> Any:
        """A blocking view of a generated service client."""
        return _SyncService(self, cls(self.client))


class SyncStreamingCall:
    """A started bidirectional / client-streaming call, driven from the calling thread."""

    def __init__(self, owner: SyncClient, call: StreamingCall) -> None:
        self._owner = owner
        self.call = call

    def send(self, request: Any) -> bool:
        return self._owner.run(self.call.send(request))

    def done_sending(self) -> None:
        self._owner.run(self.call.done_sending())

    def receive(self) -> Any:
        return self._owner.run(self.call.receive())

    def response(self) -> Any:
        return self._owner.run(self.call.response())

    def __iter__(self) -> Iterator[Any]:
        while (r := self.receive()) is not None:
            yield r

    def cancel(self) -> None:
        self._owner._loop.call_soon_threadsafe(self.call.cancel)

    def __enter__(self) -> "SyncStreamingCall":
        return self

    def __exit__(self, *exc: Any) -> None:
        self._owner.run(self.call.__aexit__(*exc))


class _SyncService:
    def __init__(self, owner: SyncClient, service: Any) -> None:
        self._owner = owner
        self._service = service

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._service, name)
        if not callable(method):
            return method
        owner = self._owner

        def call(*args: Any, **kwargs: Any) -> Any:
            async def invoke() -> Any:
                result = method(*args, **kwargs)
                if asyncio.iscoroutine(result):
                    return await result
                if isinstance(result, StreamingCall):
                    return await result.start()
                return result
            result = owner.run(invoke())
            if isinstance(result, ResponseStream):
                return owner._iterate(result)
            if isinstance(result, StreamingCall):
                return SyncStreamingCall(owner, result)
            return result
        call.__doc__ = method.__doc__
        return call
