"""Message and enum schemas in the shape of ``Protocol/contracts.json``.

The codec (codec.py) is driven by these descriptions rather than by generated code, so the
same engine serves the frame layer's control payloads, the golden-vector test messages and
every service contract. A ``SchemaSet`` holds messages and enums by name; a nested field
names its message type and is resolved through the set, so schemas may refer to each other
in any order (and recursively).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Optional

SCALAR_TYPES = frozenset(
    {"bool", "int32", "int64", "uint32", "uint64", "double", "float", "string", "bytes"})
LABELS = frozenset({"singular", "optional", "repeated"})


@dataclass(frozen=True)
class FieldSchema:
    """One declared field: ``type`` is a scalar name, ``"message"`` or ``"enum"``; for the
    last two ``ref`` names the message or enum."""

    number: int
    name: str
    type: str
    label: str = "singular"
    ref: Optional[str] = None
    default: Any = None

    def __post_init__(self) -> None:
        if not 1 <= self.number <= (1 << 29) - 1:
            raise ValueError(f"field {self.name}: number {self.number} out of range")
        if self.label not in LABELS:
            raise ValueError(f"field {self.name}: unknown label {self.label!r}")
        if self.type not in SCALAR_TYPES and self.type not in ("message", "enum"):
            raise ValueError(f"field {self.name}: unknown type {self.type!r}")
        if self.type in ("message", "enum") and not self.ref:
            raise ValueError(f"field {self.name}: a {self.type} field must name its type")


class MessageSchema:
    """A message type: fields in declaration order (the order writers use, §4.5).

    ``factory`` builds a decoded value from keyword arguments (a generated dataclass);
    without one the codec produces plain dicts. ``owner`` is the set that resolves nested
    message and enum names.
    """

    def __init__(self, name: str, fields: Iterable[FieldSchema], reserved: Iterable[int] = ()) -> None:
        self.name = name
        self.fields: tuple[FieldSchema, ...] = tuple(fields)
        self.reserved = tuple(reserved)
        self.by_number: dict[int, FieldSchema] = {}
        for f in self.fields:
            if f.number in self.by_number:
                raise ValueError(f"{name}: field number {f.number} declared twice")
            self.by_number[f.number] = f
        self.factory: Optional[Callable[..., Any]] = None
        self.owner: Optional[SchemaSet] = None

    def __repr__(self) -> str:
        return f"MessageSchema({self.name!r}, {len(self.fields)} fields)"


class EnumSchema:
    """An enum: its known values. Unknown values are kept as numbers (§4.6 rule 3)."""

    def __init__(self, name: str, values: Iterable[tuple[int, str]]) -> None:
        self.name = name
        self.values: tuple[tuple[int, str], ...] = tuple(values)
        self.python_type: Optional[Callable[[int], Any]] = None
        self.known = frozenset(number for number, _ in self.values)


class SchemaSet:
    """Messages and enums by name, loaded from one or more contract dicts."""

    def __init__(self) -> None:
        self.messages: dict[str, MessageSchema] = {}
        self.enums: dict[str, EnumSchema] = {}

    def add_message(self, schema: MessageSchema) -> MessageSchema:
        schema.owner = self
        self.messages[schema.name] = schema
        return schema

    def add_enum(self, schema: EnumSchema) -> EnumSchema:
        self.enums[schema.name] = schema
        return schema

    def message(self, name: str) -> MessageSchema:
        try:
            return self.messages[name]
        except KeyError:
            raise KeyError(f"unknown message type {name!r}") from None

    def enum(self, name: str) -> Optional[EnumSchema]:
        return self.enums.get(name)

    def load(self, contract: Mapping[str, Any]) -> "SchemaSet":
        """Adds the ``messages`` and ``enums`` of a contract document (contracts.json shape)."""
        for name, body in (contract.get("enums") or {}).items():
            self.add_enum(EnumSchema(name, [(int(v["number"]), str(v["name"])) for v in body.get("values", [])]))
        for name, body in (contract.get("messages") or {}).items():
            fields = []
            for f in body.get("fields", []):
                kind = f["type"]
                ref = f.get("message") if kind == "message" else f.get("enum") if kind == "enum" else None
                fields.append(FieldSchema(int(f["number"]), str(f["name"]), kind,
                                          f.get("label", "singular"), ref, f.get("default")))
            self.add_message(MessageSchema(name, fields, body.get("reserved") or ()))
        return self

    def check(self) -> None:
        """Fails when a field names a message or enum the set does not hold."""
        for m in self.messages.values():
            for f in m.fields:
                if f.type == "message" and f.ref not in self.messages:
                    raise ValueError(f"{m.name}.{f.name}: unknown message {f.ref!r}")
                if f.type == "enum" and f.ref not in self.enums:
                    raise ValueError(f"{m.name}.{f.name}: unknown enum {f.ref!r}")
