"""Typed messages, enums and service clients generated from the contract.

Source: jcskills/contracts.py.
Do not edit: run `python3 clients/python/generate.py` (and `--check` in CI).
"""

# fmt: off
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, AsyncIterable, Iterable, Optional, Union

from .client import Client, ResponseStream, StreamingCall
from .contracts import Method, methods_of
from .schema import SchemaSet


class ServingStatus(IntEnum):
    UNKNOWN = 0
    SERVING = 1
    NOT_SERVING = 2
    DRAINING = 3


@dataclass
class CallHeaders:
    method: str = ""
    timeout_microseconds: int = 0
    metadata: list[MetadataEntry] = field(default_factory=list)


@dataclass
class CancelReason:
    code: int = 0
    message: str = ""


@dataclass
class EchoMessage:
    payload: bytes = b""
    text: str = ""
    count: int = 0
    delay_milliseconds: int = 0


@dataclass
class GoAway:
    last_stream_id: int = 0
    code: int = 0
    message: str = ""


@dataclass
class HealthCheckRequest:
    service: str = ""


@dataclass
class HealthCheckResponse:
    status: Union[ServingStatus, int] = ServingStatus.UNKNOWN
    server: str = ""
    version: str = ""


@dataclass
class MetadataEntry:
    key: str = ""
    value: str = ""


@dataclass
class Settings:
    protocol_version: int = 0
    maximum_frame_size: int = 0
    maximum_concurrent_streams: int = 0
    initial_window_size: int = 0
    maximum_message_size: int = 0
    maximum_metadata_size: int = 0
    idle_timeout_milliseconds: int = 0


@dataclass
class Trailers:
    code: int = 0
    message: str = ""
    metadata: list[MetadataEntry] = field(default_factory=list)


CONTRACT: dict[str, Any] = {'enums': {'ServingStatus': {'values': [{'name': 'unknown', 'number': 0},
                                        {'name': 'serving', 'number': 1},
                                        {'name': 'notServing', 'number': 2},
                                        {'name': 'draining', 'number': 3}]}},
 'messages': {'CallHeaders': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'method',
                                          'number': 1,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'timeout_microseconds',
                                          'number': 2,
                                          'type': 'uint64'},
                                         {'default': None,
                                          'label': 'repeated',
                                          'message': 'MetadataEntry',
                                          'name': 'metadata',
                                          'number': 3,
                                          'type': 'message'}],
                              'reserved': []},
              'CancelReason': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'name': 'code',
                                           'number': 1,
                                           'type': 'uint32'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'message',
                                           'number': 2,
                                           'type': 'string'}],
                               'reserved': []},
              'EchoMessage': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'payload',
                                          'number': 1,
                                          'type': 'bytes'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'text',
                                          'number': 2,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'count',
                                          'number': 3,
                                          'type': 'uint32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'delay_milliseconds',
                                          'number': 4,
                                          'type': 'uint32'}],
                              'reserved': []},
              'GoAway': {'fields': [{'default': None,
                                     'label': 'singular',
                                     'name': 'last_stream_id',
                                     'number': 1,
                                     'type': 'uint32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'code',
                                     'number': 2,
                                     'type': 'uint32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'message',
                                     'number': 3,
                                     'type': 'string'}],
                         'reserved': []},
              'HealthCheckRequest': {'fields': [{'default': None,
                                                 'label': 'singular',
                                                 'name': 'service',
                                                 'number': 1,
                                                 'type': 'string'}],
                                     'reserved': []},
              'HealthCheckResponse': {'fields': [{'default': None,
                                                  'enum': 'ServingStatus',
                                                  'label': 'singular',
                                                  'name': 'status',
                                                  'number': 1,
                                                  'type': 'enum'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'server',
                                                  'number': 2,
                                                  'type': 'string'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'version',
                                                  'number': 3,
                                                  'type': 'string'}],
                                      'reserved': []},
              'MetadataEntry': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'key',
                                            'number': 1,
                                            'type': 'string'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'value',
                                            'number': 2,
                                            'type': 'string'}],
                                'reserved': []},
              'Settings': {'fields': [{'default': None,
                                       'label': 'singular',
                                       'name': 'protocol_version',
                                       'number': 1,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'maximum_frame_size',
                                       'number': 2,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'maximum_concurrent_streams',
                                       'number': 3,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'initial_window_size',
                                       'number': 4,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'maximum_message_size',
                                       'number': 5,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'maximum_metadata_size',
                                       'number': 6,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'idle_timeout_milliseconds',
                                       'number': 7,
                                       'type': 'uint32'}],
                           'reserved': []},
              'Trailers': {'fields': [{'default': None,
                                       'label': 'singular',
                                       'name': 'code',
                                       'number': 1,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'message',
                                       'number': 2,
                                       'type': 'string'},
                                      {'default': None,
                                       'label': 'repeated',
                                       'message': 'MetadataEntry',
                                       'name': 'metadata',
                                       'number': 3,
                                       'type': 'message'}],
                           'reserved': []}}}

SCHEMAS = SchemaSet().load(CONTRACT)
SCHEMAS.check()
for _name, _schema in SCHEMAS.messages.items():
    _schema.factory = globals()[_name]
for _name, _enum in SCHEMAS.enums.items():
    _enum.python_type = globals()[_name]
SERVICES: dict[str, Any] = {'services': [{'methods': [{'access': 'any authenticated peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Check',
                            'path': 'jcskills.Health/Check',
                            'request': 'HealthCheckRequest',
                            'response': 'HealthCheckResponse'}],
               'name': 'jcskills.Health'},
              {'methods': [{'access': 'role admin',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Echo',
                            'path': 'jcskills.Echo/Echo',
                            'request': 'EchoMessage',
                            'response': 'EchoMessage'},
                           {'access': 'role admin',
                            'idempotent': True,
                            'kind': 'serverStreaming',
                            'name': 'Expand',
                            'path': 'jcskills.Echo/Expand',
                            'request': 'EchoMessage',
                            'response': 'EchoMessage'},
                           {'access': 'role admin',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'Collect',
                            'path': 'jcskills.Echo/Collect',
                            'request': 'EchoMessage',
                            'response': 'EchoMessage'},
                           {'access': 'role admin',
                            'idempotent': False,
                            'kind': 'bidirectionalStreaming',
                            'name': 'Update',
                            'path': 'jcskills.Echo/Update',
                            'request': 'EchoMessage',
                            'response': 'EchoMessage'}],
               'name': 'jcskills.Echo'}]}
METHODS: dict[str, Method] = methods_of(SERVICES, SCHEMAS)


class EchoClient:
    """`jcskills.Echo`: one method per RPC. Keyword arguments go to the call
    (timeout, metadata, request_id, idempotency_key)."""

    SERVICE = 'jcskills.Echo'

    def __init__(self, client: Client) -> None:
        self.client = client

    async def echo(self, request: EchoMessage, **kwargs: Any) -> EchoMessage:
        """Echo (unary, idempotent); access: role admin"""
        return await self.client.unary(METHODS['jcskills.Echo/Echo'], request, **kwargs)  # type: ignore[no-any-return]

    def expand(self, request: EchoMessage, **kwargs: Any) -> ResponseStream:
        """Expand (serverStreaming, idempotent); access: role admin. Iterate the stream for `EchoMessage` messages."""
        return self.client.server_streaming(METHODS['jcskills.Echo/Expand'], request, **kwargs)

    async def collect(self, requests: Union[Iterable[EchoMessage], AsyncIterable[EchoMessage]], **kwargs: Any) -> EchoMessage:
        """Collect (clientStreaming); access: role admin"""
        return await self.client.client_streaming(METHODS['jcskills.Echo/Collect'], requests, **kwargs)  # type: ignore[no-any-return]

    def update(self, **kwargs: Any) -> StreamingCall:
        """Update (bidirectionalStreaming); access: role admin. `async with` it; send `EchoMessage`, receive `EchoMessage`."""
        return self.client.streaming_call(METHODS['jcskills.Echo/Update'], **kwargs)


class HealthClient:
    """`jcskills.Health`: one method per RPC. Keyword arguments go to the call
    (timeout, metadata, request_id, idempotency_key)."""

    SERVICE = 'jcskills.Health'

    def __init__(self, client: Client) -> None:
        self.client = client

    async def check(self, request: HealthCheckRequest, **kwargs: Any) -> HealthCheckResponse:
        """Check (unary, idempotent); access: any authenticated peer"""
        return await self.client.unary(METHODS['jcskills.Health/Check'], request, **kwargs)  # type: ignore[no-any-return]
