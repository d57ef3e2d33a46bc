"""JCSkills protocol client (Protocol/SPEC.md), standard library only.

    from jcskills import Client, SyncClient, TLSConfig, RPCError, StatusCode

``generated`` holds the typed messages and service clients made from the contract file.
"""

from .client import NO_DEADLINE, Client, ResponseStream, StreamingCall, new_request_id
from .codec import WireLimits, decode, encode
from .connection import Connection, ConnectionOptions, TLSConfig
from .contracts import Method
from .errors import FrameError, RPCError, StatusCode, WireError
from .frames import Settings
from .sync import SyncClient

__all__ = [
    "Client", "SyncClient", "TLSConfig", "ConnectionOptions", "Connection", "ResponseStream", "StreamingCall",
    "Method", "RPCError", "StatusCode", "WireError", "FrameError", "Settings", "WireLimits", "encode", "decode",
    "NO_DEADLINE", "new_request_id",
]
