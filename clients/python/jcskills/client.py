"""The asyncio client: the four call shapes of SPEC.md §5 over a ``Connection``, with
deadlines (§6.1), cancellation (§6.2), metadata (§6.3) and the retries of §10.3.

A ``Client`` holds one connection per endpoint, opened on first use and replaced after
GOAWAY or loss. Messages are dicts or generated dataclasses; ``Method`` says how to encode
them. Every call carries a ``request-id`` (the caller's, else 16 random hex digits) so it
can be followed through the servers' logs.
"""

from __future__ import annotations

import asyncio
import math
import os
from typing import Any, AsyncIterable, AsyncIterator, Iterable, Optional, Sequence, Union

from . import codec
from .connection import Connection, ConnectionOptions, Stream, TLSConfig
from .contracts import HEALTH_CHECK, Method
from .errors import RPCError, StatusCode, WireError

Metadata = Sequence[tuple[str, str]]
Endpoint = Union[str, tuple[str, int]]

#: ``timeout=NO_DEADLINE`` sends a call without a deadline (timeoutMicroseconds 0).
NO_DEADLINE = math.inf

DEADLINE_MESSAGE = "the client's deadline passed"


def new_request_id() -> str:
    """16 random lower-case hex digits, like the reference client (§6.3)."""
    return os.urandom(8).hex()


def _parse_endpoint(e: Endpoint) -> tuple[str, int]:
    if isinstance(e, tuple):
        return e[0], int(e[1])
    host, _, port = e.rpartition(":")
    return host.strip("[]"), int(port)


def _first(metadata: Metadata, key: str) -> Optional[str]:
    """A lookup takes the first entry with the key (§6.3)."""
    return next((v for k, v in metadata if k == key), None)


class _CallSetup:
    """What one logical call needs across its attempts: deadline, metadata, request id."""

    def __init__(self, client: "Client", method: Method, timeout: Optional[float], metadata: Optional[Metadata],
                 request_id: Optional[str], idempotency_key: Optional[str]) -> None:
        loop = asyncio.get_running_loop()
        self.loop = loop
        self.method = method
        t = client.default_timeout if timeout is None else timeout
        self.deadline: Optional[float] = None if t == NO_DEADLINE else loop.time() + t
        md = list(metadata or [])
        self.request_id = request_id or _first(md, "request-id") or new_request_id()
        if _first(md, "request-id") is None:
            md.append(("request-id", self.request_id))
        if idempotency_key is not None and _first(md, "idempotency-key") is None:
            md.append(("idempotency-key", idempotency_key))
        self.metadata = md
        self.idempotency_key = _first(md, "idempotency-key")

    def remaining(self) -> Optional[float]:
        return None if self.deadline is None else self.deadline - self.loop.time()

    def deadline_error(self) -> RPCError:
        return RPCError(StatusCode.DEADLINE_EXCEEDED, DEADLINE_MESSAGE)


class _Attempt:
    """One stream for one call: opens it within the deadline and arms the local expiry that
    sends CANCEL DEADLINE_EXCEEDED (§6.1)."""

    def __init__(self, setup: _CallSetup) -> None:
        self.setup = setup
        self.stream: Optional[Stream] = None
        self._timer: Optional[asyncio.TimerHandle] = None
        self.expired = False

    async def open(self, conn: Connection, end_stream: bool = False) -> Stream:
        setup = self.setup
        remaining = setup.remaining()
        if remaining is not None and remaining <= 0:
            raise setup.deadline_error()  # never sent (§6.1)
        try:
            stream = await self._open_with_timeout(conn, end_stream, remaining)
        except asyncio.TimeoutError:
            raise setup.deadline_error() from None
        self.stream = stream
        if setup.deadline is not None:
            self._timer = setup.loop.call_at(setup.deadline, self._expire)
        return stream

    async def _open_with_timeout(self, conn: Connection, end_stream: bool, remaining: Optional[float]) -> Stream:
        # The timeout sent is what is left when HEADERS goes out, at least 1 µs (§6.1).
        setup = self.setup

        async def go() -> Stream:
            left = setup.remaining()
            timeout_us = 0 if left is None else max(1, int(left * 1_000_000))
            return await conn.open_stream(setup.method.path, timeout_us, setup.metadata,
                                          setup.method.single_response, end_stream)
        if remaining is None:
            return await go()
        return await asyncio.wait_for(go(), remaining)

    def _expire(self) -> None:
        s = self.stream
        if s is not None and not s.closed:
            self.expired = True
            s.cancel(StatusCode.DEADLINE_EXCEEDED, DEADLINE_MESSAGE)

    def finish(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def cancel(self, code: int = StatusCode.CANCELLED, message: str = "the client cancelled the call") -> None:
        if self.stream is not None and not self.stream.closed:
            self.stream.cancel(code, message)
        self.finish()


def _decode_response(method: Method, payload: bytes, stream: Optional[Stream]) -> Any:
    """A response that does not decode fails the call with INTERNAL (§8)."""
    try:
        return codec.decode(method.schemas.message(method.response), payload)
    except WireError as e:
        if stream is not None:
            stream.cancel(StatusCode.INTERNAL, "response does not decode")
        raise RPCError(StatusCode.INTERNAL, f"response does not decode: {e.spelling}") from None


def _encode_request(method: Method, request: Any) -> bytes:
    return codec.encode(method.schemas.message(method.request), request if request is not None else {})


async def _single_response(stream: Stream, method: Method) -> Any:
    """The one response of a unary or client-streaming call, then TRAILERS OK; no response,
    or a second one, is INTERNAL (§5.2)."""
    first = await stream.receive()
    if first is None:
        raise RPCError(StatusCode.INTERNAL, "the server ended the call without a response")
    second = await stream.receive()
    if second is not None:
        stream.cancel(StatusCode.INTERNAL, "a second response on a single-response call")
        raise RPCError(StatusCode.INTERNAL, "a second response on a single-response call")
    return _decode_response(method, first, None)


def safe_to_retry(error: RPCError, *, idempotent: bool, keyed: bool) -> bool:
    """§10.3: a call the server never saw, always; else UNAVAILABLE or ABORTED (a conflict the
    server's transaction lost and rolled back), only if a repeat cannot count twice."""
    return error.not_processed or (error.code in (StatusCode.UNAVAILABLE, StatusCode.ABORTED) and (idempotent or keyed))


class Client:
    """Calls services over one or more endpoints (``"host:port"`` or ``(host, port)``).

    ``default_timeout`` applies to calls that give none (30 s, like the reference client);
    pass ``timeout=NO_DEADLINE`` for a call without deadline. Unary calls are retried on
    UNAVAILABLE or ABORTED when safe by §10.3, up to ``max_attempts`` in all, round-robin over the
    endpoints, within the original deadline, with the same request id.
    """

    def __init__(self, endpoints: Union[Endpoint, Sequence[Endpoint]], tls: TLSConfig, *,
                 options: ConnectionOptions = ConnectionOptions(), default_timeout: float = 30.0,
                 max_attempts: int = 3, server_hostname: Optional[str] = None) -> None:
        if isinstance(endpoints, (str, tuple)):
            endpoints = [endpoints]
        self.endpoints = [_parse_endpoint(e) for e in endpoints]
        if not self.endpoints:
            raise ValueError("no endpoint")
        self.tls = tls
        self.options = options
        self.default_timeout = default_timeout
        self.max_attempts = max_attempts
        self.server_hostname = server_hostname
        self._current = 0
        self._connections: dict[int, Connection] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    async def __aenter__(self) -> "Client":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    # -- connections

    async def connection(self, index: Optional[int] = None) -> Connection:
        """A connection to the endpoint that can take a new call, opened if needed."""
        i = self._current if index is None else index
        lock = self._locks.setdefault(i, asyncio.Lock())
        async with lock:
            conn = self._connections.get(i)
            if conn is None or not conn.can_open:
                host, port = self.endpoints[i]
                conn = await Connection.open(host, port, self.tls, self.options, self.server_hostname)
                self._connections[i] = conn
            return conn

    def _next_endpoint(self) -> None:
        self._current = (self._current + 1) % len(self.endpoints)

    async def close(self) -> None:
        for conn in list(self._connections.values()):
            await conn.aclose()
        self._connections.clear()

    # -- unary

    async def unary(self, method: Method, request: Any = None, *, timeout: Optional[float] = None,
                    metadata: Optional[Metadata] = None, request_id: Optional[str] = None,
                    idempotency_key: Optional[str] = None) -> Any:
        """One request, one response (§5.2), retried when safe (§10.3)."""
        setup = _CallSetup(self, method, timeout, metadata, request_id, idempotency_key)
        payload = _encode_request(method, request)
        attempt_no = 0
        while True:
            attempt_no += 1
            try:
                return await self._unary_once(setup, payload)
            except RPCError as e:
                safe = safe_to_retry(e, idempotent=method.idempotent, keyed=setup.idempotency_key is not None)
                left = setup.remaining()
                if not safe or attempt_no >= self.max_attempts or (left is not None and left <= 0):
                    raise
                self._next_endpoint()

    async def _unary_once(self, setup: _CallSetup, payload: bytes) -> Any:
        conn = await self.connection()
        attempt = _Attempt(setup)
        try:
            stream = await attempt.open(conn)
            await stream.send_message(payload, end_stream=True)
            return await _single_response(stream, setup.method)
        except asyncio.CancelledError:
            attempt.cancel()
            raise
        finally:
            attempt.finish()

    # -- server streaming

    def server_streaming(self, method: Method, request: Any = None, *, timeout: Optional[float] = None,
                         metadata: Optional[Metadata] = None, request_id: Optional[str] = None) -> "ResponseStream":
        """One request, a stream of responses (§5.3). Iterate with ``async for``; leaving an
        ``async with`` block early, or ``cancel()``, sends CANCEL. Not retried."""
        return ResponseStream(self, method, request, timeout, metadata, request_id)

    # -- client streaming

    async def client_streaming(self, method: Method, requests: Union[Iterable[Any], AsyncIterable[Any]], *,
                               timeout: Optional[float] = None, metadata: Optional[Metadata] = None,
                               request_id: Optional[str] = None, idempotency_key: Optional[str] = None) -> Any:
        """A stream of requests, one response (§5.4). Sending stops early when the server
        answers before the last request."""
        async with self.streaming_call(method, timeout=timeout, metadata=metadata, request_id=request_id,
                                       idempotency_key=idempotency_key) as call:
            if isinstance(requests, AsyncIterable):
                async for r in requests:
                    if not await call.send(r):
                        break
            else:
                for r in requests:
                    if not await call.send(r):
                        break
            await call.done_sending()
            return await call.response()

    # -- bidirectional (and incremental client streaming)

    def streaming_call(self, method: Method, *, timeout: Optional[float] = None,
                       metadata: Optional[Metadata] = None, request_id: Optional[str] = None,
                       idempotency_key: Optional[str] = None) -> "StreamingCall":
        """A call you send requests on one by one: bidirectional (§5.5) or client streaming.
        Use as ``async with client.streaming_call(m) as call:``."""
        return StreamingCall(self, method, timeout, metadata, request_id, idempotency_key)

    def bidirectional(self, method: Method, **kwargs: Any) -> "StreamingCall":
        return self.streaming_call(method, **kwargs)

    # -- conveniences

    async def health(self, service: str = "", timeout: Optional[float] = None) -> Any:
        """``jcskills.Health/Check`` (§7.1): ``{"status": 1, "server": …, "version": …}``."""
        return await self.unary(HEALTH_CHECK, {"service": service}, timeout=timeout)

    async def call(self, method: Method, request: Any = None, **kwargs: Any) -> Any:
        """Dispatches by the method's shape: unary → response; server streaming → a
        ``ResponseStream``; client streaming → response of an iterable of requests;
        bidirectional → a ``StreamingCall`` (request ignored)."""
        if method.kind == "unary":
            return await self.unary(method, request, **kwargs)
        if method.kind == "serverStreaming":
            return self.server_streaming(method, request, **kwargs)
        if method.kind == "clientStreaming":
            return await self.client_streaming(method, request or [], **kwargs)
        return self.streaming_call(method, **kwargs)


class ResponseStream:
    """The responses of a server-streaming call, decoded, as an async iterator. Each message
    taken returns its flow-control credit (§9), so an unread stream stays within the window."""

    def __init__(self, client: Client, method: Method, request: Any, timeout: Optional[float],
                 metadata: Optional[Metadata], request_id: Optional[str]) -> None:
        self._client = client
        self._method = method
        self._request = request
        self._setup_args = (timeout, metadata, request_id)
        self._attempt: Optional[_Attempt] = None
        self._started = False
        self._done = False
        self.trailing_metadata: list[tuple[str, str]] = []

    async def start(self) -> None:
        if self._started:
            return
        self._started = True
        timeout, metadata, request_id = self._setup_args
        setup = _CallSetup(self._client, self._method, timeout, metadata, request_id, None)
        conn = await self._client.connection()
        self._attempt = _Attempt(setup)
        stream = await self._attempt.open(conn)
        await stream.send_message(_encode_request(self._method, self._request), end_stream=True)

    def __aiter__(self) -> AsyncIterator[Any]:
        return self

    async def __anext__(self) -> Any:
        if self._done:
            raise StopAsyncIteration
        try:
            await self.start()
            assert self._attempt is not None and self._attempt.stream is not None
            stream = self._attempt.stream
            payload = await stream.receive()
        except asyncio.CancelledError:
            self.cancel()
            raise
        except BaseException:
            self._done = True
            if self._attempt is not None:
                self._attempt.finish()
            raise
        if payload is None:
            self._done = True
            self.trailing_metadata = stream.trailers[2] if stream.trailers else []
            self._attempt.finish()
            raise StopAsyncIteration
        return _decode_response(self._method, payload, stream)

    def cancel(self, code: int = StatusCode.CANCELLED, message: str = "the client cancelled the call") -> None:
        """Stops the call: CANCEL to the server (§6.2)."""
        self._done = True
        if self._attempt is not None:
            self._attempt.cancel(code, message)

    async def __aenter__(self) -> "ResponseStream":
        await self.start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        # The body returned before the call ended: CANCEL (CANCELLED), §6.2.
        if not self._done:
            self.cancel()


class StreamingCall:
    """A call with a request stream: ``send`` requests, ``done_sending`` to half-close, and
    either iterate the responses (bidirectional) or ``await response()`` (client streaming).
    Leaving the ``async with`` block before the call ended sends CANCEL."""

    def __init__(self, client: Client, method: Method, timeout: Optional[float], metadata: Optional[Metadata],
                 request_id: Optional[str], idempotency_key: Optional[str]) -> None:
        self._client = client
        self._method = method
        self._args = (timeout, metadata, request_id, idempotency_key)
        self._attempt: Optional[_Attempt] = None
        self._finished = False

    @property
    def stream(self) -> Stream:
        if self._attempt is None or self._attempt.stream is None:
            raise RuntimeError("the call is not started: use `async with`")
        return self._attempt.stream

    async def start(self) -> "StreamingCall":
        if self._attempt is None:
            timeout, metadata, request_id, key = self._args
            setup = _CallSetup(self._client, self._method, timeout, metadata, request_id, key)
            attempt = _Attempt(setup)
            conn = await self._client.connection()
            await attempt.open(conn)
            self._attempt = attempt
        return self

    async def __aenter__(self) -> "StreamingCall":
        return await self.start()

    async def __aexit__(self, *exc: Any) -> None:
        if not self.stream.closed:
            self.cancel()
        assert self._attempt is not None
        self._attempt.finish()

    async def send(self, request: Any) -> bool:
        """Sends one request; False when the call already ended (stop sending, §5.4)."""
        return await self.stream.send_message(_encode_request(self._method, request))

    async def done_sending(self) -> None:
        """Half-close with an END_STREAM frame (§3.2.9)."""
        await self.stream.half_close()

    async def receive(self) -> Any:
        """The next response, or None when the call ended with OK."""
        payload = await self.stream.receive()
        if payload is None:
            self._finished = True
            return None
        return _decode_response(self._method, payload, self.stream)

    def __aiter__(self) -> AsyncIterator[Any]:
        return self

    async def __anext__(self) -> Any:
        r = await self.receive()
        if r is None:
            raise StopAsyncIteration
        return r

    async def response(self) -> Any:
        """The one response of a client-streaming call."""
        return await _single_response(self.stream, self._method)

    @property
    def trailing_metadata(self) -> list[tuple[str, str]]:
        t = self.stream.trailers
        return t[2] if t else []

    def cancel(self, code: int = StatusCode.CANCELLED, message: str = "the client cancelled the call") -> None:
        if self._attempt is not None:
            self._attempt.cancel(code, message)
