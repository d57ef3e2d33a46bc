"""Errors of the client: the codec's ``WireError`` (SPEC.md §4.7), frame-layer
``FrameError`` (§3, §8) and ``RPCError``, the status a call ended with (§11).

They are separate types because they are handled at different layers: a ``WireError``
on a control payload closes the connection, on a response it fails one call with INTERNAL;
an ``RPCError`` is what the application sees.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Sequence


class StatusCode(IntEnum):
    """gRPC's status codes with the same numbers (SPEC.md §11)."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16


def status_name(code: int) -> str:
    """The name of a code; codes from a newer peer (> 16) are kept as numbers (§11)."""
    try:
        return StatusCode(code).name
    except ValueError:
        return f"UNKNOWN({code})"


class WireError(Exception):
    """A message that does not decode. ``spelling`` is the form used in codec.txt, e.g.
    ``invalidTag(15)`` or ``wireTypeMismatch(8,2,0)``, so tests compare it directly."""

    def __init__(self, kind: str, *details: int) -> None:
        self.kind = kind
        self.details: tuple[int, ...] = tuple(details)
        super().__init__(self.spelling)

    @property
    def spelling(self) -> str:
        if not self.details:
            return self.kind
        return f"{self.kind}({','.join(str(d) for d in self.details)})"


class FrameError(Exception):
    """A peer broke a frame-layer rule (§3, §8): for a client, the connection is closed."""


class RPCError(Exception):
    """A call that did not end with OK: the status code (§11), its message, and the trailing
    metadata the server's handler chose (§3.2.4).

    ``not_processed`` is True when the server is known never to have seen the call (above a
    GOAWAY's ``lastStreamID``, connection never established): such a call is always safe to
    retry (§10.3).
    """

    def __init__(self, code: int, message: str = "", metadata: Sequence[tuple[str, str]] = (),
                 not_processed: bool = False) -> None:
        self.code = code
        self.message = message
        self.metadata: list[tuple[str, str]] = list(metadata)
        self.not_processed = not_processed
        super().__init__(f"{status_name(code)}: {message}" if message else status_name(code))

    @property
    def status(self) -> StatusCode:
        """The code as a ``StatusCode``; codes above 16 read as UNKNOWN (§11)."""
        try:
            return StatusCode(self.code)
        except ValueError:
            return StatusCode.UNKNOWN
