"""The message codec of SPEC.md §4, driven by ``MessageSchema`` descriptions.

Values are either plain dicts (field name → value) or objects with one attribute per field
(the generated dataclasses): ``encode`` reads either, ``decode`` builds what the schema's
``factory`` makes, else a dict. In both, an absent optional field is ``None`` (or a missing
key), a repeated field is a list, a nested message is a dict or an instance.

The rules that differ from protobuf are the reason this is not a protobuf library: int32 /
int64 are zig-zag, enum negatives take five bytes, a singular message field is always
written, uint32 overflow is an error, a repeated occurrence of a nested message replaces
rather than merges, wire types 3/4 do not exist (§4.8).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any, Optional

from .errors import WireError
from .schema import EnumSchema, FieldSchema, MessageSchema

VARINT, FIXED64, LENGTH_DELIMITED, FIXED32 = 0, 1, 2, 5

WIRE_TYPE: dict[str, int] = {
    "bool": VARINT, "uint32": VARINT, "uint64": VARINT, "int32": VARINT, "int64": VARINT,
    "enum": VARINT, "double": FIXED64, "float": FIXED32, "string": LENGTH_DELIMITED,
    "bytes": LENGTH_DELIMITED, "message": LENGTH_DELIMITED,
}
PACKABLE = frozenset({"bool", "uint32", "uint64", "int32", "int64", "enum", "double", "float"})

_U64 = (1 << 64) - 1
_D = struct.Struct("<d")
_F = struct.Struct("<f")
_Q = struct.Struct("<Q")
_I = struct.Struct("<I")


@dataclass(frozen=True)
class WireLimits:
    """Decoding limits (§4.7): nesting depth and elements per repeated field."""

    depth: int = 32
    list_length: int = 1_000_000


DEFAULT_LIMITS = WireLimits()


# ----------------------------------------------------------------------------- varints

def encode_varint(n: int, out: bytearray) -> None:
    """Unsigned LEB128, least significant group first, shortest form (§4.3)."""
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def varint_bytes(n: int) -> bytes:
    out = bytearray()
    encode_varint(n, out)
    return bytes(out)


def read_varint(data: bytes, pos: int, end: int) -> tuple[int, int]:
    """Reads a varint at ``pos``; non-minimal forms are accepted within 10 bytes (§4.3)."""
    if pos < end:
        b = data[pos]
        if b < 0x80:
            return b, pos + 1
    result = 0
    shift = 0
    for i in range(10):
        if pos >= end:
            raise WireError("truncated")
        b = data[pos]
        pos += 1
        if i == 9 and b > 1:
            raise WireError("malformedVarint")
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7
    raise WireError("malformedVarint")


def zigzag(n: int) -> int:
    """encode(n) = (n << 1) XOR (n >> 63), as an unsigned number (§4.4)."""
    return (n << 1) ^ (n >> 63) if n >= 0 else ((n << 1) ^ -1) & _U64


def unzigzag(z: int) -> int:
    return (z >> 1) ^ -(z & 1)


# ----------------------------------------------------------------------------- plans

class _Plan:
    """A field prepared for the codec: its tag bytes and resolved nested schema."""

    __slots__ = ("number", "name", "kind", "label", "wire", "tag", "packed_tag", "sub", "enum")

    def __init__(self, f: FieldSchema, owner: MessageSchema) -> None:
        self.number = f.number
        self.name = f.name
        self.kind = "enum" if f.type == "enum" else f.type
        self.label = f.label
        self.wire = WIRE_TYPE[self.kind]
        self.tag = varint_bytes(f.number << 3 | self.wire)
        self.packed_tag = varint_bytes(f.number << 3 | LENGTH_DELIMITED)
        self.sub: Optional[MessageSchema] = None
        self.enum: Optional[EnumSchema] = None
        if f.type == "message":
            if owner.owner is None:
                raise ValueError(f"{owner.name}.{f.name}: schema not in a SchemaSet")
            self.sub = owner.owner.message(f.ref or "")
        elif f.type == "enum" and owner.owner is not None:
            self.enum = owner.owner.enum(f.ref or "")


def _plan(schema: MessageSchema) -> tuple[list[_Plan], dict[int, _Plan]]:
    cached = getattr(schema, "_plan", None)
    if cached is None:
        plans = [_Plan(f, schema) for f in schema.fields]
        cached = (plans, {p.number: p for p in plans})
        schema._plan = cached  # type: ignore[attr-defined]
    return cached


# ----------------------------------------------------------------------------- encode

def _get(value: Any, name: str) -> Any:
    if value is None:
        return None
    if isinstance(value, dict):
        return value.get(name)
    return getattr(value, name, None)


def _scalar(kind: str, v: Any, out: bytearray) -> None:
    """The bytes of one value after its tag (length-delimited kinds with their length)."""
    if kind == "uint32" or kind == "uint64":
        v = int(v)
        limit = 1 << (32 if kind == "uint32" else 64)
        if not 0 <= v < limit:
            raise ValueError(f"{kind} value {v} out of range")
        encode_varint(v, out)
    elif kind == "int32" or kind == "int64":
        v = int(v)
        bits = 32 if kind == "int32" else 64
        if not -(1 << (bits - 1)) <= v < 1 << (bits - 1):
            raise ValueError(f"{kind} value {v} out of range")
        encode_varint(zigzag(v), out)
    elif kind == "enum":
        v = int(v)
        if not -(1 << 31) <= v < 1 << 31:
            raise ValueError(f"enum value {v} out of range")
        encode_varint(v & 0xFFFFFFFF, out)  # 32-bit two's complement, not sign-extended
    elif kind == "bool":
        out.append(1 if v else 0)
    elif kind == "string":
        data = v.encode("utf-8")
        encode_varint(len(data), out)
        out += data
    elif kind == "bytes":
        encode_varint(len(v), out)
        out += v
    elif kind == "double":
        out += _D.pack(v)
    elif kind == "float":
        out += _F.pack(v)
    else:  # pragma: no cover - schemas are checked on construction
        raise ValueError(kind)


def _is_default(kind: str, v: Any) -> bool:
    """Singular fields equal to their default are not written; a float is default only with
    every bit zero, so -0.0 and NaN are written (§4.5)."""
    if kind == "double":
        return _D.pack(v) == b"\0" * 8
    if kind == "float":
        return _F.pack(v) == b"\0" * 4
    if kind == "string" or kind == "bytes":
        return len(v) == 0
    return not v


def encode_into(schema: MessageSchema, value: Any, out: bytearray) -> None:
    """Appends the fields of ``value`` in declaration order (so equal values give equal bytes)."""
    plans, _ = _plan(schema)
    for p in plans:
        v = _get(value, p.name)
        if p.sub is not None:
            if p.label == "repeated":
                for element in v or ():
                    _nested(p, element, out)
            elif v is not None or p.label == "singular":
                # A singular nested message is always written, even when empty (§4.5).
                _nested(p, v, out)
        elif p.label == "repeated":
            if not v:
                continue
            if p.kind in PACKABLE:
                run = bytearray()
                for element in v:
                    _scalar(p.kind, element, run)
                out += p.packed_tag
                encode_varint(len(run), out)
                out += run
            else:
                for element in v:
                    out += p.tag
                    _scalar(p.kind, element, out)
        elif v is None:
            continue
        elif p.label == "optional" or not _is_default(p.kind, v):
            out += p.tag
            _scalar(p.kind, v, out)


def _nested(p: _Plan, v: Any, out: bytearray) -> None:
    body = bytearray()
    assert p.sub is not None
    encode_into(p.sub, v, body)
    out += p.tag
    encode_varint(len(body), out)
    out += body


def encode(schema: MessageSchema, value: Any) -> bytes:
    """The encoding of one message: its fields, no length prefix (a frame payload, §3.2)."""
    out = bytearray()
    encode_into(schema, value, out)
    return bytes(out)


# ----------------------------------------------------------------------------- decode

def _default(p: _Plan, limits: WireLimits, depth: int) -> Any:
    if p.label == "repeated":
        return []
    if p.label == "optional":
        return None
    if p.sub is not None:
        return _decode(p.sub, b"", 0, 0, limits, depth + 1)
    kind = p.kind
    if kind == "string":
        return ""
    if kind == "bytes":
        return b""
    if kind == "bool":
        return False
    if kind in ("double", "float"):
        return 0.0
    if kind == "enum":
        return _enum_value(p, 0)
    return 0


def _enum_value(p: _Plan, v: int) -> Any:
    """A known value as the enum's Python type when one is bound; unknown ones stay ints."""
    e = p.enum
    if e is not None and e.python_type is not None and v in e.known:
        return e.python_type(v)
    return v


def _varint_value(p: _Plan, v: int) -> Any:
    kind = p.kind
    if kind == "uint64":
        return v
    if kind == "uint32":
        if v >> 32:
            raise WireError("malformedVarint")
        return v
    if kind == "int64":
        return unzigzag(v)
    if kind == "int32":
        r = unzigzag(v)
        if not -(1 << 31) <= r < 1 << 31:
            raise WireError("malformedVarint")
        return r
    if kind == "bool":
        return v != 0
    # enum: the low 32 bits as a signed value (accepts protobuf's sign-extended form)
    v &= 0xFFFFFFFF
    if v >= 1 << 31:
        v -= 1 << 32
    return _enum_value(p, v)


def _read_single(p: _Plan, wire: int, data: bytes, pos: int, end: int) -> tuple[Any, int]:
    """One non-message value of ``p``'s kind with its own wire type."""
    if wire == VARINT:
        v, pos = read_varint(data, pos, end)
        return _varint_value(p, v), pos
    if wire == FIXED64:
        if end - pos < 8:
            raise WireError("truncated")
        return _D.unpack_from(data, pos)[0], pos + 8
    if wire == FIXED32:
        if end - pos < 4:
            raise WireError("truncated")
        return _F.unpack_from(data, pos)[0], pos + 4
    n, pos = read_varint(data, pos, end)
    if n > end - pos:
        raise WireError("lengthOutOfRange", p.number)
    raw = bytes(data[pos:pos + n])
    if p.kind == "string":
        try:
            return raw.decode("utf-8"), pos + n
        except UnicodeDecodeError:
            raise WireError("invalidUTF8", p.number) from None
    return raw, pos + n


def _skip(number: int, wire: int, data: bytes, pos: int, end: int) -> int:
    """Skips an unknown field by its wire type alone (§4.6 rule 1)."""
    if wire == VARINT:
        return read_varint(data, pos, end)[1]
    if wire == FIXED64:
        if end - pos < 8:
            raise WireError("truncated")
        return pos + 8
    if wire == FIXED32:
        if end - pos < 4:
            raise WireError("truncated")
        return pos + 4
    n, pos = read_varint(data, pos, end)
    if n > end - pos:
        raise WireError("lengthOutOfRange", number)
    return pos + n


def _decode(schema: MessageSchema, data: bytes, pos: int, end: int, limits: WireLimits, depth: int) -> Any:
    if depth > limits.depth:
        raise WireError("nestingTooDeep", limits.depth)
    plans, by_number = _plan(schema)
    values: dict[str, Any] = {}
    while pos < end:
        key, pos = read_varint(data, pos, end)
        if key >> 32:
            raise WireError("invalidTag", key)
        number, wire = key >> 3, key & 7
        if number == 0 or wire in (3, 4, 6, 7):
            raise WireError("invalidTag", key)
        p = by_number.get(number)
        if p is None:
            pos = _skip(number, wire, data, pos, end)
            continue
        if p.sub is not None:
            if wire != LENGTH_DELIMITED:
                raise WireError("wireTypeMismatch", number, LENGTH_DELIMITED, wire)
            n, pos = read_varint(data, pos, end)
            if n > end - pos:
                raise WireError("lengthOutOfRange", number)
            v = _decode(p.sub, data, pos, pos + n, limits, depth + 1)
            pos += n
            if p.label == "repeated":
                lst = values.setdefault(p.name, [])
                if len(lst) >= limits.list_length:
                    raise WireError("listTooLong", number, limits.list_length)
                lst.append(v)
            else:
                values[p.name] = v  # the last occurrence replaces, no merge (§4.5)
            continue
        if p.label == "repeated":
            lst = values.setdefault(p.name, [])
            if wire == LENGTH_DELIMITED and p.kind in PACKABLE:
                n, pos = read_varint(data, pos, end)
                if n > end - pos:
                    raise WireError("lengthOutOfRange", number)
                run_end = pos + n
                while pos < run_end:
                    v, pos = _read_single(p, p.wire, data, pos, run_end)
                    if len(lst) >= limits.list_length:
                        raise WireError("listTooLong", number, limits.list_length)
                    lst.append(v)
                continue
            if wire != p.wire:
                raise WireError("wireTypeMismatch", number, p.wire, wire)
            v, pos = _read_single(p, wire, data, pos, end)
            if len(lst) >= limits.list_length:
                raise WireError("listTooLong", number, limits.list_length)
            lst.append(v)
            continue
        if wire != p.wire:
            raise WireError("wireTypeMismatch", number, p.wire, wire)
        values[p.name], pos = _read_single(p, wire, data, pos, end)
    # Declaration order, defaults for what did not arrive (§4.6 rule 2).
    ordered = {p.name: values[p.name] if p.name in values else _default(p, limits, depth) for p in plans}
    factory = schema.factory
    return factory(**ordered) if factory is not None else ordered


def decode(schema: MessageSchema, data: bytes, limits: WireLimits = DEFAULT_LIMITS) -> Any:
    """Decodes one message (a whole frame payload). Raises ``WireError`` (§4.7) on any
    malformed input; never reads out of bounds."""
    data = bytes(data)
    return _decode(schema, data, 0, len(data), limits, 0)


def float32_bits(v: float) -> int:
    return _I.unpack(_F.pack(v))[0]


def float64_bits(v: float) -> int:
    return _Q.unpack(_D.pack(v))[0]
