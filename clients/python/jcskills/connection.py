"""One protocol connection (SPEC.md §2): TLS 1.3 with a client certificate and ALPN
``jcskills/1``, the preface, SETTINGS both ways, and the streams multiplexed over it with
their flow control (§9), PING answers and keepalive (§10.1) and GOAWAY (§10.2).

Everything runs on one asyncio loop: a reader task parses frames and dispatches them to
``Stream`` objects; writers append whole frames to the transport without awaiting between
the header and payload, so frames never interleave mid-frame.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import ssl
from collections import deque
from dataclasses import dataclass
from typing import Optional

from . import frames
from .errors import FrameError, RPCError, StatusCode
from .frames import Settings

ALPN = "jcskills/1"


# ----------------------------------------------------------------------------- TLS

@dataclass(frozen=True)
class TLSConfig:
    """The city CA to trust and the client's certificate and key (PEM files)."""

    ca: str
    certificate: str
    key: str
    #: Require this ``jcskills://`` identity of the server (SPEC §2.1); None = any.
    expected_server_identity: Optional[str] = None

    @staticmethod
    def from_pki(directory: str, identity: str = "admin",
                 expected_server_identity: Optional[str] = None) -> "TLSConfig":
        """The layout ``jcskills pki init`` writes: ca.crt, <identity>.crt, <identity>.key."""
        return TLSConfig(os.path.join(directory, "ca.crt"), os.path.join(directory, f"{identity}.crt"),
                         os.path.join(directory, f"{identity}.key"), expected_server_identity)

    def context(self) -> ssl.SSLContext:
        """TLS 1.3 only, mutual, ALPN jcskills/1 and nothing else (§2.1)."""
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_3
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(self.ca)
        ctx.load_cert_chain(self.certificate, self.key)
        ctx.set_alpn_protocols([ALPN])
        return ctx


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


# ----------------------------------------------------------------------------- options

@dataclass(frozen=True)
class ConnectionOptions:
    """What the client advertises and how it watches the connection."""

    settings: Settings = frames.CLIENT_SETTINGS
    connect_timeout: float = 10.0
    #: Send a PING when calls are open and nothing was read for this long (§10.1).
    keepalive_interval: float = 30.0
    #: Close the connection when the PING's ACK does not come back within this.
    keepalive_timeout: float = 10.0


# ----------------------------------------------------------------------------- streams

class Stream:
    """The client's side of one call (§3.3): what it may still send (credit from the
    server's window) and what it has received (complete messages, a partial one, the end).

    ``single_response`` is true for unary and client-streaming calls: their one response's
    credit never needs returning and its fragments' credit goes back at once (§9).
    """

    def __init__(self, conn: "Connection", stream_id: int, single_response: bool, send_credit: int) -> None:
        self.conn = conn
        self.id = stream_id
        self.single_response = single_response
        self.send_credit = send_credit
        self.recv_window = conn.options.settings.initialWindowSize
        self.messages: deque[list] = deque()  # [payload, credit to return when taken]
        self.partial: Optional[bytearray] = None
        self.half_closed = False
        self.closed = False
        #: Set when the call ended: TRAILERS (code, message, metadata) or a local failure.
        self.trailers: Optional[tuple[int, str, list[tuple[str, str]]]] = None
        self.error: Optional[RPCError] = None
        self._changed = asyncio.Event()
        self._credit = asyncio.Event()
        self._send_lock = asyncio.Lock()

    # -- receiving

    def _wake(self) -> None:
        self._changed.set()

    async def receive(self) -> Optional[bytes]:
        """The next whole response message, or None at the end (TRAILERS OK). Raises the
        call's ``RPCError`` once the messages received before it are taken."""
        while True:
            if self.messages:
                payload, credit = self.messages.popleft()
                if credit and not self.closed:
                    self.conn._return_credit(self, credit)
                return payload
            if self.error is not None:
                raise self.error
            if self.trailers is not None:
                code, message, metadata = self.trailers
                if code != StatusCode.OK:
                    raise RPCError(code, message, metadata)
                return None
            self._changed.clear()
            await self._changed.wait()

    def _on_message(self, payload: bytes, flags: int) -> None:
        if self.closed:
            return
        size = len(payload)
        if size > self.recv_window:
            raise FrameError(f"MESSAGE of {size} bytes beyond the stream's window of {self.recv_window}")
        self.recv_window -= size
        limit = self.conn.options.settings.maximumMessageSize
        if flags & frames.FLAG_MORE:
            if self.partial is None:
                self.partial = bytearray()
            self.partial += payload
            if len(self.partial) > limit:
                self.conn.cancel_stream(self, StatusCode.RESOURCE_EXHAUSTED,
                                        f"a response message exceeds {limit} bytes")
                return
            if self.single_response or not self.messages:
                if size:
                    self.conn._return_credit(self, size)
            else:
                # Held back behind the unread messages, returned with the last of them (§9).
                self.messages[-1][1] += size
            return
        if self.partial is not None:
            self.partial += payload
            whole = bytes(self.partial)
            self.partial = None
        else:
            whole = payload
        if len(whole) > limit:
            self.conn.cancel_stream(self, StatusCode.RESOURCE_EXHAUSTED, f"a response message exceeds {limit} bytes")
            return
        self.messages.append([whole, 0 if self.single_response else size])
        self._wake()

    # -- ending

    def _finish(self, trailers: Optional[tuple[int, str, list[tuple[str, str]]]] = None,
                error: Optional[RPCError] = None) -> None:
        if self.closed:
            return
        self.closed = True
        self.trailers = trailers
        self.error = error
        self._wake()
        self._credit.set()
        self.conn._forget(self)

    # -- sending

    async def send_message(self, payload: bytes, end_stream: bool = False) -> bool:
        """Sends one request message, fragmented to the server's frame size and the stream's
        credit (§3.2.3, §9), waiting for WINDOW_UPDATE as needed. Returns False when the call
        ended meanwhile (the server answered early: the caller stops sending, §5.4)."""
        async with self._send_lock:
            if self.closed:
                return False
            if self.half_closed:
                raise RuntimeError("the request stream is already closed")
            conn = self.conn
            total = len(payload)
            if total == 0:
                conn._write(frames.encode_frame(frames.MESSAGE, frames.FLAG_END_STREAM if end_stream else 0, self.id))
            pos = 0
            while pos < total:
                while self.send_credit <= 0:
                    self._credit.clear()
                    await self._credit.wait()
                    if self.closed:
                        return False
                chunk = min(total - pos, self.send_credit, conn.peer_settings.effective_frame_size)
                last = pos + chunk == total
                flags = (frames.FLAG_END_STREAM if end_stream else 0) if last else frames.FLAG_MORE
                conn._write(frames.encode_header(frames.MESSAGE, flags, self.id, chunk) + payload[pos:pos + chunk])
                self.send_credit -= chunk
                pos += chunk
                if not last:
                    await conn._drain()
                    if self.closed:
                        return False
            if end_stream:
                self.half_closed = True
            await conn._drain()
            return not self.closed

    async def half_close(self) -> None:
        """END_STREAM frame: no more requests (§3.2.9). A second half-close is ignored."""
        async with self._send_lock:
            if self.closed or self.half_closed:
                return
            self.half_closed = True
            self.conn._write(frames.encode_frame(frames.END_STREAM, 0, self.id))
            await self.conn._drain()

    def _add_credit(self, credit: int) -> None:
        self.send_credit = min(self.send_credit + credit, frames.MAX_WINDOW)
        self._credit.set()

    def cancel(self, code: int = StatusCode.CANCELLED, message: str = "the client cancelled the call") -> None:
        """CANCEL the call (§6.2) and fail it locally with the same code."""
        self.conn.cancel_stream(self, code, message)


# ----------------------------------------------------------------------------- connection

class Connection:
    """A connected, set-up protocol connection. Create with ``await Connection.open(...)``."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 options: ConnectionOptions, peer: str) -> None:
        self._reader = reader
        self._writer = writer
        self.options = options
        self.peer = peer
        #: The server's limits: the protocol defaults until its SETTINGS arrives (§2.3).
        self.peer_settings = frames.DEFAULT_SETTINGS
        self.settings_received = False
        self.streams: dict[int, Stream] = {}
        self._next_id = 1
        self._slot = asyncio.Condition()
        self.goaway_last: Optional[int] = None
        self.closed = False
        self.close_reason = ""
        self._loop = asyncio.get_running_loop()
        self._last_read = self._loop.time()
        self._ping_waiters: dict[bytes, asyncio.Future[None]] = {}
        self._closed_event = asyncio.Event()
        self._reader_task = asyncio.create_task(self._read_loop())
        self._keepalive_task = asyncio.create_task(self._keepalive_loop())

    @staticmethod
    async def open(host: str, port: int, tls: TLSConfig,
                   options: ConnectionOptions = ConnectionOptions(),
                   server_hostname: Optional[str] = None) -> "Connection":
        """TCP, TLS 1.3 with ALPN jcskills/1, then the preface and our SETTINGS (§2). The
        server's SETTINGS is not waited for: calls may start at once with the defaults."""
        ctx = tls.context()
        # The host name is checked when a name is dialled, not an IP address (§2.1).
        ctx.check_hostname = not _is_ip(server_hostname or host)
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(host, port, ssl=ctx, server_hostname=server_hostname or host,
                                        limit=1 << 20),
                options.connect_timeout)
        except (OSError, ssl.SSLError, asyncio.TimeoutError) as e:
            raise RPCError(StatusCode.UNAVAILABLE, f"cannot connect to {host}:{port}: {e}", not_processed=True) from e
        ssl_object = writer.get_extra_info("ssl_object")
        if ssl_object is None or ssl_object.selected_alpn_protocol() != ALPN:
            writer.close()
            raise RPCError(StatusCode.UNAVAILABLE, f"{host}:{port} did not negotiate ALPN {ALPN}", not_processed=True)
        if tls.expected_server_identity:
            sans = [v for k, v in (ssl_object.getpeercert() or {}).get("subjectAltName", ()) if k == "URI"]
            identity = next((u for u in sans if u.startswith("jcskills://")), None)
            if identity != tls.expected_server_identity:
                writer.close()
                raise RPCError(StatusCode.UNAUTHENTICATED,
                               f"server is {identity!r}, expected {tls.expected_server_identity!r}", not_processed=True)
        return Connection.over(reader, writer, options, f"{host}:{port}")

    @staticmethod
    def over(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
             options: ConnectionOptions = ConnectionOptions(), peer: str = "peer") -> "Connection":
        """Starts the protocol on an established byte stream: the preface and our SETTINGS
        (§2.2, §2.3). ``open`` uses it after TLS; tests use it over plain sockets."""
        conn = Connection(reader, writer, options, peer)
        conn._write(frames.PREFACE + frames.encode_frame(frames.SETTINGS_FRAME, 0, 0, options.settings.payload()))
        return conn

    # -- writing

    def _write(self, data: bytes) -> None:
        if not self.closed:
            self._writer.write(data)

    async def _drain(self) -> None:
        if self.closed:
            return
        try:
            await self._writer.drain()
        except (ConnectionError, OSError) as e:
            self.close(f"write failed: {e}")

    def _return_credit(self, stream: Stream, credit: int) -> None:
        stream.recv_window += credit
        self._write(frames.window_update(stream.id, credit))

    # -- streams

    @property
    def can_open(self) -> bool:
        """False after GOAWAY, close, or when the stream ids are used up (§3.3)."""
        return not self.closed and self.goaway_last is None and self._next_id <= frames.MAX_STREAM_ID - 2

    async def open_stream(self, method: str, timeout_us: int, metadata: list[tuple[str, str]],
                          single_response: bool, end_stream: bool = False) -> Stream:
        """Sends HEADERS for a new call, waiting for a free slot below the server's
        ``maximumConcurrentStreams`` (calls queue locally in order, §13 note 5)."""
        async with self._slot:
            while not self.closed and self.goaway_last is None and \
                    len(self.streams) >= self.peer_settings.maximumConcurrentStreams:
                await self._slot.wait()
            if not self.can_open:
                raise RPCError(StatusCode.UNAVAILABLE, f"connection to {self.peer} is closing: {self.close_reason}",
                               not_processed=True)
            sid = self._next_id
            self._next_id += 2
            stream = Stream(self, sid, single_response, self.peer_settings.initialWindowSize)
            self.streams[sid] = stream
            payload = frames.headers_payload(method, timeout_us, metadata)
            self._write(frames.encode_frame(frames.HEADERS, frames.FLAG_END_STREAM if end_stream else 0, sid, payload))
            if end_stream:
                stream.half_closed = True
        return stream

    def _forget(self, stream: Stream) -> None:
        if self.streams.pop(stream.id, None) is not None:
            asyncio.ensure_future(self._notify_slot())
            if self.goaway_last is not None and not self.streams:
                self.close("GOAWAY received and no call left")

    async def _notify_slot(self) -> None:
        async with self._slot:
            self._slot.notify_all()

    def cancel_stream(self, stream: Stream, code: int, message: str) -> None:
        if stream.closed:
            return
        self._write(frames.encode_frame(frames.CANCEL, 0, stream.id, frames.cancel_payload(code, message)))
        stream._finish(error=RPCError(code, message))

    # -- reading

    async def _read_loop(self) -> None:
        parser = frames.FrameParser(self.options.settings.maximumFrameSize)
        reason = "connection closed by the server"
        try:
            while True:
                data = await self._reader.read(1 << 16)
                if not data:
                    break
                self._last_read = self._loop.time()
                for frame in parser.feed(data):
                    self._dispatch(frame)
                    if self.closed:
                        return
        except FrameError as e:
            reason = f"protocol error: {e}"
        except (ConnectionError, OSError, ssl.SSLError) as e:
            reason = f"connection lost: {e}"
        except asyncio.CancelledError:
            return
        except Exception as e:  # a payload that does not decode (TRAILERS, SETTINGS, GOAWAY)
            reason = f"protocol error: {e}"
        self.close(reason)

    def _dispatch(self, f: frames.Frame) -> None:
        t = f.type
        if t == frames.MESSAGE:
            s = self.streams.get(f.stream)
            if s is not None:
                s._on_message(f.payload, f.flags)
        elif t == frames.TRAILERS_FRAME:
            code, message, metadata = frames.parse_trailers(f.payload)
            s = self.streams.get(f.stream)
            if s is not None:
                s._finish(trailers=(code, message, metadata))
        elif t == frames.WINDOW_UPDATE:
            credit = frames.parse_credit(f.payload)
            s = self.streams.get(f.stream)
            if s is not None:
                s._add_credit(credit)
        elif t == frames.PING:
            if f.stream != 0 or len(f.payload) != 8:
                raise FrameError("PING not on stream 0 or not 8 bytes")
            if f.flags & frames.FLAG_ACK:
                waiter = self._ping_waiters.pop(f.payload, None)
                if waiter is not None and not waiter.done():
                    waiter.set_result(None)
            else:
                self._write(frames.encode_frame(frames.PING, frames.FLAG_ACK, 0, f.payload))
        elif t == frames.CANCEL:
            s = self.streams.get(f.stream)
            if s is not None:
                code, message = frames.parse_cancel(f.payload)
                s._finish(error=RPCError(code, message or "the server cancelled the call"))
        elif t == frames.SETTINGS_FRAME:
            if self.settings_received:
                raise FrameError("a second SETTINGS")
            if f.stream != 0:
                raise FrameError("SETTINGS not on stream 0")
            self.peer_settings = Settings.from_payload(f.payload)
            self.settings_received = True
            asyncio.ensure_future(self._notify_slot())
        elif t == frames.GOAWAY_FRAME:
            last, code, message = frames.parse_goaway(f.payload)
            self._on_goaway(last, code, message)
        elif t in (frames.HEADERS, frames.END_STREAM):
            raise FrameError(f"{frames.FRAME_NAMES[t]} from a server")
        # unknown types are ignored (§3.1)

    def _on_goaway(self, last: int, code: int, message: str) -> None:
        """No new streams; calls above ``last`` were never seen and fail as not processed
        (safe to retry anywhere); the rest finish; then the connection closes (§10.2)."""
        self.goaway_last = last if self.goaway_last is None else min(last, self.goaway_last)
        self.close_reason = f"GOAWAY {code}: {message}"
        for s in list(self.streams.values()):
            if s.id > self.goaway_last:
                s._finish(error=RPCError(StatusCode.UNAVAILABLE, f"not processed: server sent GOAWAY ({message})",
                                         not_processed=True))
        asyncio.ensure_future(self._notify_slot())
        if not self.streams:
            self.close(self.close_reason)

    # -- keepalive

    async def ping(self, timeout: Optional[float] = None) -> float:
        """Round-trip time of one PING (§10.1), in seconds."""
        payload = os.urandom(8)
        waiter: asyncio.Future[None] = self._loop.create_future()
        self._ping_waiters[payload] = waiter
        start = self._loop.time()
        self._write(frames.encode_frame(frames.PING, 0, 0, payload))
        await self._drain()
        try:
            await asyncio.wait_for(waiter, timeout or self.options.keepalive_timeout)
        finally:
            self._ping_waiters.pop(payload, None)
        return self._loop.time() - start

    async def _keepalive_loop(self) -> None:
        interval = self.options.keepalive_interval
        try:
            while not self.closed:
                await asyncio.sleep(min(interval / 3, 5.0))
                if not self.streams or self._loop.time() - self._last_read < interval:
                    continue
                try:
                    await self.ping(self.options.keepalive_timeout)
                except asyncio.TimeoutError:
                    self.close("keepalive PING not answered")
                    return
        except asyncio.CancelledError:
            return

    # -- closing

    def close(self, reason: str = "closed by the client") -> None:
        """Closes the TCP connection; every open call fails with UNAVAILABLE (§1)."""
        if self.closed:
            return
        self.closed = True
        self.close_reason = self.close_reason or reason
        for s in list(self.streams.values()):
            s._finish(error=RPCError(StatusCode.UNAVAILABLE, f"connection to {self.peer} closed: {reason}"))
        self.streams.clear()
        for w in self._ping_waiters.values():
            if not w.done():
                w.set_exception(RPCError(StatusCode.UNAVAILABLE, reason))
        self._ping_waiters.clear()
        try:
            self._writer.close()
        except Exception:
            pass
        current = asyncio.current_task()
        for task in (self._reader_task, self._keepalive_task):
            if task is not current:
                task.cancel()
        self._closed_event.set()
        asyncio.ensure_future(self._notify_slot())

    async def aclose(self, graceful: bool = True) -> None:
        """Closes, saying GOAWAY first when ``graceful`` (§10.2: a client may say it leaves)."""
        if not self.closed and graceful:
            last = self._next_id - 2 if self._next_id > 1 else 0
            self._write(frames.encode_frame(frames.GOAWAY_FRAME, 0, 0,
                                             frames.goaway_payload(last, 0, "client closing")))
            await self._drain()
        self.close()
        try:
            await asyncio.wait_for(self._writer.wait_closed(), 2.0)
        except Exception:
            pass

    async def wait_closed(self) -> None:
        await self._closed_event.wait()
