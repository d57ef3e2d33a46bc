"""Hand-written schemas for what the protocol itself needs, in the shape of
``Protocol/contracts.json``: the control payloads of the frame layer (SPEC.md §2.3, §3.2)
and the standard services Health and Echo (§7). They live here, in one place, because the
frame layer cannot wait for a contract file, and the standard services must work against
any server. ``Method`` describes one RPC of any contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .schema import SchemaSet


def _f(number: int, name: str, type_: str, label: str = "singular", **ref: str) -> dict[str, Any]:
    d: dict[str, Any] = {"number": number, "name": name, "type": type_, "label": label, "default": None}
    d.update(ref)
    return d


PROTOCOL_CONTRACT: dict[str, Any] = {
    "protocol": 1,
    "services": [
        {"name": "jcskills.Health", "methods": [
            {"name": "Check", "path": "jcskills.Health/Check", "kind": "unary", "idempotent": True,
             "request": "HealthCheckRequest", "response": "HealthCheckResponse", "access": "any authenticated peer"},
        ]},
        {"name": "jcskills.Echo", "methods": [
            {"name": "Echo", "path": "jcskills.Echo/Echo", "kind": "unary", "idempotent": True,
             "request": "EchoMessage", "response": "EchoMessage", "access": "role admin"},
            {"name": "Expand", "path": "jcskills.Echo/Expand", "kind": "serverStreaming", "idempotent": True,
             "request": "EchoMessage", "response": "EchoMessage", "access": "role admin"},
            {"name": "Collect", "path": "jcskills.Echo/Collect", "kind": "clientStreaming", "idempotent": False,
             "request": "EchoMessage", "response": "EchoMessage", "access": "role admin"},
            {"name": "Update", "path": "jcskills.Echo/Update", "kind": "bidirectionalStreaming", "idempotent": False,
             "request": "EchoMessage", "response": "EchoMessage", "access": "role admin"},
        ]},
    ],
    "messages": {
        # §2.3
        "Settings": {"fields": [
            _f(1, "protocolVersion", "uint32"), _f(2, "maximumFrameSize", "uint32"),
            _f(3, "maximumConcurrentStreams", "uint32"), _f(4, "initialWindowSize", "uint32"),
            _f(5, "maximumMessageSize", "uint32"), _f(6, "maximumMetadataSize", "uint32"),
            _f(7, "idleTimeoutMilliseconds", "uint32")], "reserved": []},
        # §3.2.2
        "MetadataEntry": {"fields": [_f(1, "key", "string"), _f(2, "value", "string")], "reserved": []},
        "CallHeaders": {"fields": [
            _f(1, "method", "string"), _f(2, "timeoutMicroseconds", "uint64"),
            _f(3, "metadata", "message", "repeated", message="MetadataEntry")], "reserved": []},
        # §3.2.4
        "Trailers": {"fields": [
            _f(1, "code", "uint32"), _f(2, "message", "string"),
            _f(3, "metadata", "message", "repeated", message="MetadataEntry")], "reserved": []},
        # §3.2.5 (code: absent means CANCELLED)
        "CancelReason": {"fields": [_f(1, "code", "uint32"), _f(2, "message", "string")], "reserved": []},
        # §3.2.7
        "GoAway": {"fields": [
            _f(1, "lastStreamID", "uint32"), _f(2, "code", "uint32"), _f(3, "message", "string")], "reserved": []},
        # §7.1
        "HealthCheckRequest": {"fields": [_f(1, "service", "string")], "reserved": []},
        "HealthCheckResponse": {"fields": [
            _f(1, "status", "enum", enum="ServingStatus"), _f(2, "server", "string"),
            _f(3, "version", "string")], "reserved": []},
        # §7.2
        "EchoMessage": {"fields": [
            _f(1, "payload", "bytes"), _f(2, "text", "string"), _f(3, "count", "uint32"),
            _f(4, "delayMilliseconds", "uint32")], "reserved": []},
    },
    "enums": {
        "ServingStatus": {"values": [
            {"number": 0, "name": "unknown"}, {"number": 1, "name": "serving"},
            {"number": 2, "name": "notServing"}, {"number": 3, "name": "draining"}]},
    },
}

#: The control payloads and standard services, as plain-dict schemas.
PROTOCOL = SchemaSet().load(PROTOCOL_CONTRACT)
PROTOCOL.check()

SETTINGS = PROTOCOL.message("Settings")
CALL_HEADERS = PROTOCOL.message("CallHeaders")
TRAILERS = PROTOCOL.message("Trailers")
CANCEL_REASON = PROTOCOL.message("CancelReason")
GOAWAY = PROTOCOL.message("GoAway")

UNARY = "unary"
SERVER_STREAMING = "serverStreaming"
CLIENT_STREAMING = "clientStreaming"
BIDIRECTIONAL_STREAMING = "bidirectionalStreaming"
KINDS = (UNARY, SERVER_STREAMING, CLIENT_STREAMING, BIDIRECTIONAL_STREAMING)


@dataclass(frozen=True)
class Method:
    """One RPC: the path sent in HEADERS, its shape, whether a retry is harmless, and the
    request and response message names resolved in ``schemas``."""

    path: str
    kind: str
    idempotent: bool
    request: str
    response: str
    schemas: SchemaSet

    @property
    def single_request(self) -> bool:
        return self.kind in (UNARY, SERVER_STREAMING)

    @property
    def single_response(self) -> bool:
        return self.kind in (UNARY, CLIENT_STREAMING)


def methods_of(contract: Mapping[str, Any], schemas: SchemaSet) -> dict[str, Method]:
    """Every method of a contract document by path."""
    result: dict[str, Method] = {}
    for service in contract.get("services", []):
        for m in service.get("methods", []):
            path = m.get("path") or f"{service['name']}/{m['name']}"
            if m["kind"] not in KINDS:
                raise ValueError(f"{path}: unknown kind {m['kind']!r}")
            result[path] = Method(path, m["kind"], bool(m.get("idempotent", False)),
                                  m["request"], m["response"], schemas)
    return result


PROTOCOL_METHODS = methods_of(PROTOCOL_CONTRACT, PROTOCOL)
HEALTH_CHECK = PROTOCOL_METHODS["jcskills.Health/Check"]
ECHO_ECHO = PROTOCOL_METHODS["jcskills.Echo/Echo"]
ECHO_EXPAND = PROTOCOL_METHODS["jcskills.Echo/Expand"]
ECHO_COLLECT = PROTOCOL_METHODS["jcskills.Echo/Collect"]
ECHO_UPDATE = PROTOCOL_METHODS["jcskills.Echo/Update"]
