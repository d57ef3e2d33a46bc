"""The frame layer of SPEC.md §3: the 10-byte header, the frame types and flags, an
incremental parser, and the SETTINGS values with their protocol defaults (§2.3).

The parser checks a frame's length against the limit as soon as the header is there and
never buffers an oversized payload (§3.1), because a peer must not be able to make us hold
memory by announcing a huge frame.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, fields
from typing import Any, Iterator, Optional

from . import codec
from .contracts import CALL_HEADERS, CANCEL_REASON, GOAWAY, SETTINGS, TRAILERS
from .errors import FrameError, StatusCode

PREFACE = b"JCS/1\r\n\n"
HEADER_SIZE = 10
_HEADER = struct.Struct(">IBBI")
_CREDIT = struct.Struct(">I")

# Frame types (§3.2)
SETTINGS_FRAME = 0x0
HEADERS = 0x1
MESSAGE = 0x2
TRAILERS_FRAME = 0x3
CANCEL = 0x4
PING = 0x5
GOAWAY_FRAME = 0x6
WINDOW_UPDATE = 0x7
END_STREAM = 0x8

FRAME_NAMES = {
    SETTINGS_FRAME: "SETTINGS", HEADERS: "HEADERS", MESSAGE: "MESSAGE", TRAILERS_FRAME: "TRAILERS",
    CANCEL: "CANCEL", PING: "PING", GOAWAY_FRAME: "GOAWAY", WINDOW_UPDATE: "WINDOW_UPDATE",
    END_STREAM: "END_STREAM",
}

# Flags
FLAG_END_STREAM = 0x1  # HEADERS, MESSAGE (client only)
FLAG_MORE = 0x2        # MESSAGE: a fragment, the message continues
FLAG_ACK = 0x1         # PING

MAX_STREAM_ID = (1 << 32) - 1
MAX_WINDOW = (1 << 31) - 1
MIN_FRAME_SIZE = 16_384


@dataclass(frozen=True)
class Frame:
    type: int
    flags: int
    stream: int
    payload: bytes

    def __repr__(self) -> str:
        name = FRAME_NAMES.get(self.type, f"0x{self.type:02x}")
        return f"Frame({name}, flags=0x{self.flags:02x}, stream={self.stream}, {len(self.payload)} bytes)"


def encode_header(type_: int, flags: int, stream: int, length: int) -> bytes:
    """Big-endian length, type, flags, stream id (§3.1)."""
    return _HEADER.pack(length, type_, flags, stream)


def encode_frame(type_: int, flags: int, stream: int, payload: bytes = b"") -> bytes:
    return _HEADER.pack(len(payload), type_, flags, stream) + payload


def window_update(stream: int, credit: int) -> bytes:
    return encode_frame(WINDOW_UPDATE, 0, stream, _CREDIT.pack(credit))


def parse_credit(payload: bytes) -> int:
    """WINDOW_UPDATE's payload: exactly four bytes, u32 big-endian (§3.2.8)."""
    if len(payload) != 4:
        raise FrameError(f"WINDOW_UPDATE payload of {len(payload)} bytes, not 4")
    return _CREDIT.unpack(payload)[0]


class FrameParser:
    """Reassembles frames from bytes split anywhere (§3.1).

    ``max_frame_size`` is the limit we advertised: a frame announcing more is a connection
    error decided from its header alone.
    """

    def __init__(self, max_frame_size: int = 65_536) -> None:
        self.max_frame_size = max_frame_size
        self._buffer = bytearray()

    def feed(self, data: bytes) -> Iterator[Frame]:
        """Adds bytes and yields every frame now complete."""
        buf = self._buffer
        buf += data
        pos = 0
        try:
            while len(buf) - pos >= HEADER_SIZE:
                length, type_, flags, stream = _HEADER.unpack_from(buf, pos)
                if length > self.max_frame_size:
                    raise FrameError(f"frame of {length} bytes exceeds the limit of {self.max_frame_size}")
                end = pos + HEADER_SIZE + length
                if len(buf) < end:
                    break
                payload = bytes(buf[pos + HEADER_SIZE:end])
                pos = end
                yield Frame(type_, flags, stream, payload)
        finally:
            del buf[:pos]


def parse_one(data: bytes) -> Frame:
    """Parses exactly one whole frame (tests, vectors)."""
    if len(data) < HEADER_SIZE:
        raise FrameError("shorter than a frame header")
    length, type_, flags, stream = _HEADER.unpack_from(data, 0)
    if len(data) != HEADER_SIZE + length:
        raise FrameError(f"frame length {length} does not match {len(data) - HEADER_SIZE} payload bytes")
    return Frame(type_, flags, stream, bytes(data[HEADER_SIZE:]))


@dataclass(frozen=True)
class Settings:
    """The limits a peer enforces on what it receives (§2.3). 0 or absent means the default."""

    protocolVersion: int = 1
    maximumFrameSize: int = 65_536
    maximumConcurrentStreams: int = 100
    initialWindowSize: int = 65_536
    maximumMessageSize: int = 4_194_304
    maximumMetadataSize: int = 16_384
    idleTimeoutMilliseconds: int = 0

    @staticmethod
    def from_payload(payload: bytes) -> "Settings":
        """Decodes a SETTINGS payload; zeros and absent fields take the protocol default."""
        raw = codec.decode(SETTINGS, payload)
        defaults = Settings()
        values: dict[str, Any] = {}
        for f in fields(Settings):
            v = raw.get(f.name) or 0
            values[f.name] = v if v else getattr(defaults, f.name)
        return Settings(**values)

    def payload(self) -> bytes:
        return codec.encode(SETTINGS, {f.name: getattr(self, f.name) for f in fields(Settings)})

    @property
    def effective_frame_size(self) -> int:
        """Values below 16,384 are treated as 16,384 (§2.3)."""
        return max(self.maximumFrameSize, MIN_FRAME_SIZE)


#: What the reference client sends (vector ``settings_client``): a 256 KiB window.
CLIENT_SETTINGS = Settings(initialWindowSize=262_144)
DEFAULT_SETTINGS = Settings()


def metadata_entries(metadata: Optional[list[tuple[str, str]]]) -> list[dict[str, str]]:
    return [{"key": k, "value": v} for k, v in (metadata or [])]


def headers_payload(method: str, timeout_us: int, metadata: list[tuple[str, str]]) -> bytes:
    return codec.encode(CALL_HEADERS, {"method": method, "timeoutMicroseconds": timeout_us,
                                       "metadata": metadata_entries(metadata)})


def cancel_payload(code: int, message: str) -> bytes:
    return codec.encode(CANCEL_REASON, {"code": code, "message": message})


def parse_cancel(payload: bytes) -> tuple[int, str]:
    """A CANCEL's reason; absent, 0 or undecodable means CANCELLED (§3.2.5)."""
    try:
        raw = codec.decode(CANCEL_REASON, payload)
    except Exception:
        return int(StatusCode.CANCELLED), ""
    return (raw["code"] or int(StatusCode.CANCELLED)), raw["message"]


def parse_trailers(payload: bytes) -> tuple[int, str, list[tuple[str, str]]]:
    raw = codec.decode(TRAILERS, payload)
    return raw["code"], raw["message"], [(e["key"], e["value"]) for e in raw["metadata"]]


def parse_goaway(payload: bytes) -> tuple[int, int, str]:
    raw = codec.decode(GOAWAY, payload)
    return raw["lastStreamID"], raw["code"], raw["message"]


def goaway_payload(last_stream_id: int, code: int, message: str) -> bytes:
    return codec.encode(GOAWAY, {"lastStreamID": last_stream_id, "code": code, "message": message})
