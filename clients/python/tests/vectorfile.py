"""Reading Protocol/vectors/*.txt (SPEC.md §12.1) and the logical values they write, and the
test-message schemas of §12.2. Kept apart from the tests so both vector suites share it."""

from __future__ import annotations

import os
import re
import struct
from dataclasses import dataclass
from typing import Any

import pathsetup  # noqa: F401  (before jcskills)
from jcskills import codec
from jcskills.contracts import PROTOCOL_CONTRACT
from jcskills.schema import MessageSchema, SchemaSet

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "Protocol", "vectors"))


def read_blocks(filename: str) -> list[dict[str, str]]:
    """One dict per block of `key: value` lines; comments and blank lines separate."""
    with open(os.path.join(VECTORS, filename), encoding="utf-8") as f:
        text = f.read()
    blocks: list[dict[str, str]] = []
    current: dict[str, str] = {}
    for line in text.split("\n"):
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                blocks.append(current)
                current = {}
            continue
        key, _, value = line.partition(":")
        current[key.strip()] = value[1:] if value.startswith(" ") else value
    if current:
        blocks.append(current)
    return blocks


def _f(number: int, name: str, type_: str, label: str = "singular", **ref: str) -> dict[str, Any]:
    return {"number": number, "name": name, "type": type_, "label": label, **ref}


TEST_CONTRACT = {
    "messages": {
        "Inner": {"fields": [_f(1, "x", "int32"), _f(2, "tag", "string")]},
        "Scalars": {"fields": [
            _f(1, "flag", "bool"), _f(2, "u32", "uint32"), _f(3, "u64", "uint64"), _f(4, "i32", "int32"),
            _f(5, "i64", "int64"), _f(6, "f64", "double"), _f(7, "f32", "float"), _f(8, "text", "string"),
            _f(9, "blob", "bytes"), _f(10, "color", "enum", enum="Color"), _f(100, "far", "uint32"),
            _f(536870911, "last", "bool")]},
        "Optionals": {"fields": [
            _f(1, "flag", "bool", "optional"), _f(2, "u32", "uint32", "optional"), _f(3, "i64", "int64", "optional"),
            _f(4, "f64", "double", "optional"), _f(5, "text", "string", "optional"),
            _f(6, "blob", "bytes", "optional"), _f(7, "color", "enum", "optional", enum="Color"),
            _f(8, "inner", "message", "optional", message="Inner")]},
        "Lists": {"fields": [
            _f(1, "u32s", "uint32", "repeated"), _f(2, "i64s", "int64", "repeated"),
            _f(3, "f64s", "double", "repeated"), _f(4, "f32s", "float", "repeated"),
            _f(5, "flags", "bool", "repeated"), _f(6, "colors", "enum", "repeated", enum="Color"),
            _f(7, "texts", "string", "repeated"), _f(8, "blobs", "bytes", "repeated"),
            _f(9, "inners", "message", "repeated", message="Inner")]},
        "Outer": {"fields": [
            _f(1, "label", "string"), _f(2, "inner", "message", message="Inner"),
            _f(3, "maybe", "message", "optional", message="Inner"),
            _f(4, "items", "message", "repeated", message="Inner")]},
        "RegistrationRecord": {"fields": [
            _f(1, "idNumber", "string"), _f(2, "name", "string"), _f(3, "gender", "enum", enum="Gender"),
            _f(4, "birthDate", "int32"), _f(5, "county", "int32"), _f(6, "category", "enum", enum="LabourCategory"),
            _f(7, "phone", "string"), _f(8, "education", "enum", enum="EducationLevel"),
            _f(9, "occupations", "string", "repeated"), _f(10, "registeredAt", "int64"),
            _f(11, "status", "enum", enum="RegistrationStatus")]},
    },
    "enums": {name: {"values": [{"number": 0, "name": "unspecified"}]}
              for name in ("Color", "Gender", "LabourCategory", "EducationLevel", "RegistrationStatus")},
}

SCHEMAS = SchemaSet().load(PROTOCOL_CONTRACT).load(TEST_CONTRACT)
SCHEMAS.check()


@dataclass(frozen=True)
class Bits:
    """A float written as its bit pattern (`bits:0x…`): NaN payloads must survive."""
    value: int


class ValueParser:
    """Parses the `{field: value, …}` notation of §12.1."""

    _number = re.compile(r"-?(?:inf|nan|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)")

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0

    def parse(self) -> Any:
        v = self.value()
        self.ws()
        if self.i != len(self.s):
            raise ValueError(f"trailing text at {self.i}: {self.s[self.i:]!r}")
        return v

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i] == " ":
            self.i += 1

    def value(self) -> Any:
        self.ws()
        s, c = self.s, self.s[self.i]
        if c == "{":
            self.i += 1
            result: dict[str, Any] = {}
            self.ws()
            if s[self.i] == "}":
                self.i += 1
                return result
            while True:
                self.ws()
                j = s.index(":", self.i)
                key = s[self.i:j].strip()
                self.i = j + 1
                result[key] = self.value()
                self.ws()
                if s[self.i] == ",":
                    self.i += 1
                    continue
                assert s[self.i] == "}", s[self.i:]
                self.i += 1
                return result
        if c == "[":
            self.i += 1
            items: list[Any] = []
            self.ws()
            if s[self.i] == "]":
                self.i += 1
                return items
            while True:
                items.append(self.value())
                self.ws()
                if s[self.i] == ",":
                    self.i += 1
                    continue
                assert s[self.i] == "]"
                self.i += 1
                return items
        if c == '"':
            return self.string()
        if s.startswith('hex"', self.i):
            j = s.index('"', self.i + 4)
            raw = bytes.fromhex(s[self.i + 4:j])
            self.i = j + 1
            return raw
        if s.startswith("bits:0x", self.i):
            m = re.compile(r"[0-9a-f]+").match(s, self.i + 7)
            assert m
            self.i = m.end()
            return Bits(int(m.group(), 16))
        for word, v in (("true", True), ("false", False)):
            if s.startswith(word, self.i):
                self.i += len(word)
                return v
        m = self._number.match(s, self.i)
        if not m:
            raise ValueError(f"cannot parse at {self.i}: {s[self.i:]!r}")
        self.i = m.end()
        text = m.group()
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        return float(text)

    def string(self) -> str:
        s = self.s
        self.i += 1
        out = []
        while s[self.i] != '"':
            c = s[self.i]
            if c == "\\":
                n = s[self.i + 1]
                if n == "u":
                    out.append(chr(int(s[self.i + 2:self.i + 6], 16)))
                    self.i += 6
                    continue
                out.append(n)
                self.i += 2
                continue
            out.append(c)
            self.i += 1
        self.i += 1
        return "".join(out)


def parse_value(text: str) -> Any:
    return ValueParser(text).parse()


def to_python(schema: MessageSchema, value: dict[str, Any]) -> dict[str, Any]:
    """A parsed value with floats made real (bit patterns unpacked), ready to encode."""
    out: dict[str, Any] = {}
    for f in schema.fields:
        if f.name not in value:
            continue
        v = value[f.name]
        conv = (lambda e: _scalar_py(f.type, e)) if f.type != "message" else \
            (lambda e: to_python(SCHEMAS.message(f.ref or ""), e))
        out[f.name] = [conv(e) for e in v] if f.label == "repeated" else conv(v)
    unknown = set(value) - {f.name for f in schema.fields}
    assert not unknown, f"{schema.name}: unknown fields {unknown}"
    return out


def _scalar_py(kind: str, v: Any) -> Any:
    if isinstance(v, Bits):
        return struct.unpack("<d", struct.pack("<Q", v.value))[0] if kind == "double" else \
            struct.unpack("<f", struct.pack("<I", v.value))[0]
    if kind in ("double", "float"):
        return float(v)
    return v


def canonical(schema: MessageSchema, value: Any) -> dict[str, Any]:
    """Every field, defaults filled in, floats as bit patterns: equal iff the values are."""
    get = (lambda n: value.get(n)) if isinstance(value, dict) else (lambda n: getattr(value, n, None))
    out: dict[str, Any] = {}
    for f in schema.fields:
        v = get(f.name)
        if f.label == "repeated":
            out[f.name] = [_canon_one(f.type, f.ref, e) for e in (v or [])]
        elif v is None:
            if f.label == "optional":
                out[f.name] = None
            elif f.type == "message":
                out[f.name] = canonical(SCHEMAS.message(f.ref or ""), {})
            else:
                out[f.name] = _canon_one(f.type, f.ref, _zero(f.type))
        else:
            out[f.name] = _canon_one(f.type, f.ref, v)
    return out


def _zero(kind: str) -> Any:
    return {"string": "", "bytes": b"", "bool": False, "double": 0.0, "float": 0.0}.get(kind, 0)


def _canon_one(kind: str, ref: Any, v: Any) -> Any:
    if kind == "message":
        return canonical(SCHEMAS.message(ref), v)
    if kind == "double":
        return ("f64", codec.float64_bits(_scalar_py(kind, v)))
    if kind == "float":
        return ("f32", codec.float32_bits(_scalar_py(kind, v)))
    if kind == "bool":
        return bool(v)
    if kind in ("string", "bytes"):
        return v
    return int(v)
