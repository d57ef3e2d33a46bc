"""The connection's rules against a scripted server over a plain socket (no TLS, so these
run anywhere): preface and SETTINGS, fragmentation to the server's frame size and window
with WINDOW_UPDATE (§9), credit returned as streamed messages are taken, PING answers
(§10.1), GOAWAY (§10.2), unknown frame types ignored, local deadline → CANCEL (§6.1)."""

from __future__ import annotations

import asyncio
import unittest

import pathsetup  # noqa: F401
from jcskills import codec, frames
from jcskills.client import _Attempt, _CallSetup, _single_response
from jcskills.connection import Connection
from jcskills.contracts import ECHO_ECHO, ECHO_EXPAND, PROTOCOL
from jcskills.errors import RPCError, StatusCode

ECHO = PROTOCOL.message("EchoMessage")


class FakeServer:
    """Accepts one connection and hands its frames to the test, which writes the answers."""

    def __init__(self) -> None:
        self.frames: asyncio.Queue[frames.Frame] = asyncio.Queue()
        self.writer: asyncio.StreamWriter
        self.preface = b""
        self.connected = asyncio.Event()

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.preface = await reader.readexactly(8)
        self.connected.set()
        parser = frames.FrameParser(1 << 20)
        while data := await reader.read(65536):
            for f in parser.feed(data):
                await self.frames.put(f)

    def send(self, type_: int, flags: int, stream: int, payload: bytes = b"") -> None:
        self.writer.write(frames.encode_frame(type_, flags, stream, payload))

    async def next(self, skip_window_updates: bool = False) -> frames.Frame:
        while True:
            f = await asyncio.wait_for(self.frames.get(), 5)
            if not (skip_window_updates and f.type == frames.WINDOW_UPDATE):
                return f

    async def close(self) -> None:
        self.server.close()


class ConnectionTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self) -> None:
        self.server = FakeServer()
        port = await self.server.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        self.conn = Connection.over(reader, writer)
        await self.server.connected.wait()
        first = await self.server.next()
        self.assertEqual(self.server.preface, frames.PREFACE)
        self.assertEqual((first.type, first.payload), (frames.SETTINGS_FRAME, frames.CLIENT_SETTINGS.payload()))

    async def asyncTearDown(self) -> None:
        self.conn.close()
        await self.server.close()

    async def _settings(self, **values: int) -> None:
        self.server.send(frames.SETTINGS_FRAME, 0, 0, frames.Settings(**values).payload())
        for _ in range(100):
            if self.conn.settings_received:
                return
            await asyncio.sleep(0.01)
        self.fail("SETTINGS not applied")

    async def test_fragments_to_frame_size_and_window(self) -> None:
        await self._settings(maximumFrameSize=16_384, initialWindowSize=20_000)
        setup = _CallSetup(_Fake(), ECHO_ECHO, 5.0, None, "0123456789abcdef", None)
        attempt = _Attempt(setup)
        stream = await attempt.open(self.conn)
        payload = codec.encode(ECHO, {"payload": bytes(50_000)})
        sending = asyncio.create_task(stream.send_message(payload, end_stream=True))
        headers = await self.server.next()
        self.assertEqual(headers.type, frames.HEADERS)
        call = codec.decode(PROTOCOL.message("CallHeaders"), headers.payload)
        self.assertEqual(call["method"], "jcskills.Echo/Echo")
        self.assertTrue(0 < call["timeoutMicroseconds"] <= 5_000_000)
        self.assertIn({"key": "request-id", "value": "0123456789abcdef"}, call["metadata"])
        got = bytearray()
        sizes = []
        while len(got) < 20_000:
            f = await self.server.next()
            self.assertEqual((f.type, f.flags), (frames.MESSAGE, frames.FLAG_MORE))
            sizes.append(len(f.payload))
            got += f.payload
        self.assertEqual(len(got), 20_000)  # exactly the window, then it waits
        self.assertTrue(all(s <= 16_384 for s in sizes))
        await asyncio.sleep(0.05)
        self.assertTrue(self.server.frames.empty())
        self.server.send(frames.WINDOW_UPDATE, 0, stream.id, (1 << 20).to_bytes(4, "big"))
        while True:
            f = await self.server.next()
            got += f.payload
            if not f.flags & frames.FLAG_MORE:
                self.assertEqual(f.flags, frames.FLAG_END_STREAM)
                break
        self.assertEqual(bytes(got), payload)
        await sending
        response = codec.encode(ECHO, {"text": "ok"})
        self.server.send(frames.MESSAGE, frames.FLAG_MORE, stream.id, response[:2])
        self.server.send(frames.MESSAGE, 0, stream.id, response[2:])
        self.server.send(frames.TRAILERS_FRAME, 0, stream.id)
        self.assertEqual((await _single_response(stream, ECHO_ECHO))["text"], "ok")
        credit = await self.server.next()  # the fragment's credit goes back at once (§9)
        self.assertEqual((credit.type, frames.parse_credit(credit.payload)), (frames.WINDOW_UPDATE, 2))
        attempt.finish()

    async def test_credit_returned_when_streamed_messages_are_taken(self) -> None:
        stream = await self.conn.open_stream(ECHO_EXPAND.path, 0, [], single_response=False)
        await stream.send_message(b"", end_stream=True)
        await self.server.next()
        await self.server.next()
        for _ in range(3):
            self.server.send(frames.MESSAGE, 0, stream.id, b"\x12\x01a")
        await asyncio.sleep(0.05)
        self.assertTrue(self.server.frames.empty())  # nothing returned before the application reads
        self.assertEqual(await stream.receive(), b"\x12\x01a")
        f = await self.server.next()
        self.assertEqual((f.type, f.stream, frames.parse_credit(f.payload)), (frames.WINDOW_UPDATE, stream.id, 3))
        self.server.send(frames.TRAILERS_FRAME, 0, stream.id)
        self.assertEqual(await stream.receive(), b"\x12\x01a")
        self.assertEqual(await stream.receive(), b"\x12\x01a")
        self.assertIsNone(await stream.receive())  # no credit after the call ended

    async def test_ping_is_answered_and_unknown_frames_ignored(self) -> None:
        self.server.send(0x2A, 0x80, 0, b"\xca\xfe")
        self.server.send(frames.PING, 0, 0, b"12345678")
        f = await self.server.next()
        self.assertEqual((f.type, f.flags, f.payload), (frames.PING, frames.FLAG_ACK, b"12345678"))
        self.assertFalse(self.conn.closed)

    async def test_goaway(self) -> None:
        s1 = await self.conn.open_stream(ECHO_ECHO.path, 0, [], True)
        s3 = await self.conn.open_stream(ECHO_ECHO.path, 0, [], True)
        self.server.send(frames.GOAWAY_FRAME, 0, 0, frames.goaway_payload(s1.id, 0, "server shutting down"))
        with self.assertRaises(RPCError) as ctx:
            await s3.receive()
        self.assertEqual(ctx.exception.code, StatusCode.UNAVAILABLE)
        self.assertTrue(ctx.exception.not_processed)
        self.assertFalse(self.conn.can_open)
        self.assertFalse(self.conn.closed)  # stream 1 may still finish
        self.server.send(frames.MESSAGE, 0, s1.id, b"")
        self.server.send(frames.TRAILERS_FRAME, 0, s1.id)
        self.assertEqual(await s1.receive(), b"")
        self.assertIsNone(await s1.receive())
        self.assertTrue(self.conn.closed)  # the last call ended: closed (§10.2)

    async def test_local_deadline_sends_cancel(self) -> None:
        setup = _CallSetup(_Fake(), ECHO_ECHO, 0.1, None, None, None)
        attempt = _Attempt(setup)
        stream = await attempt.open(self.conn)
        await stream.send_message(b"", end_stream=True)
        with self.assertRaises(RPCError) as ctx:
            await stream.receive()
        self.assertEqual(ctx.exception.code, StatusCode.DEADLINE_EXCEEDED)
        kinds = [(await self.server.next()).type for _ in range(3)]
        self.assertEqual(kinds, [frames.HEADERS, frames.MESSAGE, frames.CANCEL])
        self.assertEqual(len(self.conn.streams), 0)

    async def test_server_cancel_and_error_trailers(self) -> None:
        s = await self.conn.open_stream(ECHO_ECHO.path, 0, [], True)
        self.server.send(frames.TRAILERS_FRAME, 0, s.id,
                         codec.encode(PROTOCOL.message("Trailers"), {"code": 5, "message": "未找到"}))
        with self.assertRaises(RPCError) as ctx:
            await s.receive()
        self.assertEqual((ctx.exception.code, ctx.exception.message), (5, "未找到"))
        s2 = await self.conn.open_stream(ECHO_ECHO.path, 0, [], True)
        self.server.send(frames.CANCEL, 0, s2.id, b"")
        with self.assertRaises(RPCError) as ctx:
            await s2.receive()
        self.assertEqual(ctx.exception.code, StatusCode.CANCELLED)

    async def test_bad_ping_closes(self) -> None:
        s = await self.conn.open_stream(ECHO_ECHO.path, 0, [], True)
        self.server.send(frames.PING, 0, 0, b"short")
        with self.assertRaises(RPCError) as ctx:
            await s.receive()
        self.assertEqual(ctx.exception.code, StatusCode.UNAVAILABLE)
        self.assertTrue(self.conn.closed)


class _Fake:
    """Stands in for a Client where only the default timeout is read."""
    default_timeout = 30.0


if __name__ == "__main__":
    unittest.main()
