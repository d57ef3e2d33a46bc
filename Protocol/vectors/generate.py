#!/usr/bin/env python3
"""Golden test vectors for the JCSkills wire protocol (Protocol/SPEC.md §12).

This is an independent implementation of the encoding rules of SPEC.md §3 and §4, written
from the specification, not from the Swift code. It writes codec.txt and frames.txt next to
itself; the Swift tests (Tests/ProtocolTests/GoldenVectorTests.swift) check that the Swift
codec produces exactly these bytes and decodes them back to the same values.

Plain Python 3, no third-party packages:  python3 Protocol/vectors/generate.py
Run it with --check to verify that the committed files are up to date.
"""

import os
import struct
import sys

# --------------------------------------------------------------------------------------
# §4: the codec
# --------------------------------------------------------------------------------------

VARINT, FIXED64, LENGTH_DELIMITED, FIXED32 = 0, 1, 2, 5

# Wire type of each scalar kind (SPEC.md §4.2).
WIRE_TYPE = {
    "bool": VARINT, "uint32": VARINT, "uint64": VARINT, "int32": VARINT, "int64": VARINT,
    "enum": VARINT, "double": FIXED64, "float": FIXED32, "string": LENGTH_DELIMITED,
    "bytes": LENGTH_DELIMITED,
}
PACKABLE = {"bool", "uint32", "uint64", "int32", "int64", "enum", "double", "float"}


def varint(n):
    """Unsigned LEB128, least significant group first (§4.3)."""
    assert 0 <= n < 1 << 64, n
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def zigzag(n, bits):
    """(n << 1) XOR (n >> bits-1), as an unsigned number (§4.4)."""
    assert -(1 << (bits - 1)) <= n < 1 << (bits - 1), n
    return 2 * n if n >= 0 else -2 * n - 1


def tag(number, wire_type):
    assert 1 <= number <= (1 << 29) - 1
    return varint(number << 3 | wire_type)


def scalar_body(kind, value):
    """The bytes of one value after its tag (for length-delimited kinds, with the length)."""
    if kind == "bool":
        return varint(1 if value else 0)
    if kind == "uint32":
        assert 0 <= value < 1 << 32
        return varint(value)
    if kind == "uint64":
        return varint(value)
    if kind == "int32":
        return varint(zigzag(value, 32))
    if kind == "int64":
        return varint(zigzag(value, 64))
    if kind == "enum":
        assert -(1 << 31) <= value < 1 << 31
        return varint(value & 0xFFFFFFFF)  # 32-bit two's complement, not sign-extended
    if kind == "double":
        return struct.pack("<d", value) if isinstance(value, float) else struct.pack("<Q", value)
    if kind == "float":
        return struct.pack("<f", value) if isinstance(value, float) else struct.pack("<I", value)
    if kind == "string":
        data = value.encode("utf-8")
        return varint(len(data)) + data
    if kind == "bytes":
        return varint(len(value)) + bytes(value)
    raise ValueError(kind)


def is_default(kind, value):
    """Singular fields equal to their default are not written (§4.5). A float is default only
    when its bit pattern is zero: -0.0 is written."""
    if kind in ("double", "float"):
        if isinstance(value, int):  # a raw bit pattern
            return value == 0
        return struct.pack("<d", value) == b"\0" * 8
    if kind in ("string", "bytes"):
        return len(value) == 0
    return not value


class Schema:
    """A message type: (number, name, kind, label) in declaration order.
    kind is a scalar kind or another Schema; label is 'singular', 'optional' or 'repeated'."""

    def __init__(self, name, fields):
        self.name = name
        self.fields = fields

    def encode(self, value):
        out = bytearray()
        for number, name, kind, label in self.fields:
            present = name in value
            v = value.get(name)
            if isinstance(kind, Schema):
                if label == "singular":
                    # A singular nested message is always written, even when empty (§4.5).
                    body = kind.encode(v or {})
                    out += tag(number, LENGTH_DELIMITED) + varint(len(body)) + body
                elif label == "optional":
                    if present:
                        body = kind.encode(v)
                        out += tag(number, LENGTH_DELIMITED) + varint(len(body)) + body
                else:
                    for element in v or []:
                        body = kind.encode(element)
                        out += tag(number, LENGTH_DELIMITED) + varint(len(body)) + body
            elif label == "singular":
                if present and not is_default(kind, v):
                    out += tag(number, WIRE_TYPE[kind]) + scalar_body(kind, v)
            elif label == "optional":
                if present:
                    out += tag(number, WIRE_TYPE[kind]) + scalar_body(kind, v)
            else:
                if not v:
                    continue
                if kind in PACKABLE:
                    # Packed: one length-delimited run of bare values (§4.5).
                    run = b"".join(scalar_body(kind, e) for e in v)
                    out += tag(number, LENGTH_DELIMITED) + varint(len(run)) + run
                else:
                    for element in v:
                        out += tag(number, LENGTH_DELIMITED) + scalar_body(kind, element)
        return bytes(out)


def render(schema, value):
    """The logical value in the readable form of codec.txt: {field: value, ...}."""
    parts = []
    for number, name, kind, label in schema.fields:
        if name not in value:
            continue
        v = value[name]
        if label == "repeated":
            shown = "[" + ", ".join(render_one(kind, e) for e in v) + "]"
        else:
            shown = render_one(kind, v)
        parts.append(f"{name}: {shown}")
    return "{" + ", ".join(parts) + "}"


def render_one(kind, v):
    if isinstance(kind, Schema):
        return render(kind, v)
    if kind == "bool":
        return "true" if v else "false"
    if kind == "string":
        escaped = "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 else c for c in v.replace("\\", "\\\\").replace('"', '\\"'))
        return '"' + escaped + '"'
    if kind == "bytes":
        return 'hex"' + bytes(v).hex() + '"'
    if kind in ("double", "float"):
        if isinstance(v, int):
            return f"bits:0x{v:0{16 if kind == 'double' else 8}x}"
        return repr(v)
    return str(v)


# --------------------------------------------------------------------------------------
# Schemas: the test messages of SPEC.md §12.2 and the real ones of §2.3, §3, §7, §12.3.
# --------------------------------------------------------------------------------------

INNER = Schema("Inner", [(1, "x", "int32", "singular"), (2, "tag", "string", "singular")])

SCALARS = Schema("Scalars", [
    (1, "flag", "bool", "singular"),
    (2, "u32", "uint32", "singular"),
    (3, "u64", "uint64", "singular"),
    (4, "i32", "int32", "singular"),
    (5, "i64", "int64", "singular"),
    (6, "f64", "double", "singular"),
    (7, "f32", "float", "singular"),
    (8, "text", "string", "singular"),
    (9, "blob", "bytes", "singular"),
    (10, "color", "enum", "singular"),
    (100, "far", "uint32", "singular"),
    (536870911, "last", "bool", "singular"),
])

OPTIONALS = Schema("Optionals", [
    (1, "flag", "bool", "optional"),
    (2, "u32", "uint32", "optional"),
    (3, "i64", "int64", "optional"),
    (4, "f64", "double", "optional"),
    (5, "text", "string", "optional"),
    (6, "blob", "bytes", "optional"),
    (7, "color", "enum", "optional"),
    (8, "inner", INNER, "optional"),
])

LISTS = Schema("Lists", [
    (1, "u32s", "uint32", "repeated"),
    (2, "i64s", "int64", "repeated"),
    (3, "f64s", "double", "repeated"),
    (4, "f32s", "float", "repeated"),
    (5, "flags", "bool", "repeated"),
    (6, "colors", "enum", "repeated"),
    (7, "texts", "string", "repeated"),
    (8, "blobs", "bytes", "repeated"),
    (9, "inners", INNER, "repeated"),
])

OUTER = Schema("Outer", [
    (1, "label", "string", "singular"),
    (2, "inner", INNER, "singular"),
    (3, "maybe", INNER, "optional"),
    (4, "items", INNER, "repeated"),
])

REGISTRATION_RECORD = Schema("RegistrationRecord", [
    (1, "idNumber", "string", "singular"),
    (2, "name", "string", "singular"),
    (3, "gender", "enum", "singular"),
    (4, "birthDate", "int32", "singular"),
    (5, "county", "int32", "singular"),
    (6, "category", "enum", "singular"),
    (7, "phone", "string", "singular"),
    (8, "education", "enum", "singular"),
    (9, "occupations", "string", "repeated"),
    (10, "registeredAt", "int64", "singular"),
    (11, "status", "enum", "singular"),
])

SETTINGS = Schema("Settings", [
    (1, "protocolVersion", "uint32", "singular"),
    (2, "maximumFrameSize", "uint32", "singular"),
    (3, "maximumConcurrentStreams", "uint32", "singular"),
    (4, "initialWindowSize", "uint32", "singular"),
    (5, "maximumMessageSize", "uint32", "singular"),
    (6, "maximumMetadataSize", "uint32", "singular"),
    (7, "idleTimeoutMilliseconds", "uint32", "singular"),
])

METADATA_ENTRY = Schema("MetadataEntry", [(1, "key", "string", "singular"), (2, "value", "string", "singular")])

CALL_HEADERS = Schema("CallHeaders", [
    (1, "method", "string", "singular"),
    (2, "timeoutMicroseconds", "uint64", "singular"),
    (3, "metadata", METADATA_ENTRY, "repeated"),
])

TRAILERS = Schema("Trailers", [
    (1, "code", "uint32", "singular"),
    (2, "message", "string", "singular"),
    (3, "metadata", METADATA_ENTRY, "repeated"),
])

CANCEL_REASON = Schema("CancelReason", [(1, "code", "uint32", "singular"), (2, "message", "string", "singular")])

GO_AWAY = Schema("GoAway", [
    (1, "lastStreamID", "uint32", "singular"),
    (2, "code", "uint32", "singular"),
    (3, "message", "string", "singular"),
])

HEALTH_CHECK_REQUEST = Schema("HealthCheckRequest", [(1, "service", "string", "singular")])
HEALTH_CHECK_RESPONSE = Schema("HealthCheckResponse", [
    (1, "status", "enum", "singular"),
    (2, "server", "string", "singular"),
    (3, "version", "string", "singular"),
])

ECHO_MESSAGE = Schema("EchoMessage", [
    (1, "payload", "bytes", "singular"),
    (2, "text", "string", "singular"),
    (3, "count", "uint32", "singular"),
    (4, "delayMilliseconds", "uint32", "singular"),
])

# --------------------------------------------------------------------------------------
# codec.txt
# --------------------------------------------------------------------------------------

codec = []  # (name, schema, description, value, hex, kind) kind: 'roundtrip' | 'decode' | 'error'


def rt(name, schema, description, value):
    """A canonical vector: the value encodes to exactly these bytes, and they decode back."""
    codec.append(dict(name=name, message=schema.name, description=description,
                      value=render(schema, value), hex=schema.encode(value).hex()))


def dec(name, schema, description, raw, value):
    """A decode-only vector: non-canonical bytes a reader MUST accept, and the value they mean."""
    codec.append(dict(name=name, message=schema.name, description=description,
                      value=render(schema, value), hex=bytes(raw).hex(), direction="decode-only"))


def err(name, schema, description, raw, error):
    """Bytes a reader MUST reject, with the error (SPEC.md §4.7)."""
    codec.append(dict(name=name, message=schema.name, description=description,
                      error=error, hex=bytes(raw).hex()))


def h(text):
    return bytes.fromhex(text.replace(" ", ""))


# Scalars, one field at a time.
rt("empty_message", SCALARS, "every field default: nothing is written", {})
rt("bool_true", SCALARS, "bool true is varint 1", {"flag": True})
rt("bool_false_skipped", SCALARS, "a singular field equal to its default is not written", {"flag": False})
rt("uint32_one", SCALARS, "one-byte varint", {"u32": 1})
rt("uint32_127", SCALARS, "largest one-byte varint", {"u32": 127})
rt("uint32_128", SCALARS, "smallest two-byte varint", {"u32": 128})
rt("uint32_300", SCALARS, "two-byte varint: 300 = 0xac 0x02", {"u32": 300})
rt("uint32_16384", SCALARS, "three-byte varint", {"u32": 16384})
rt("uint32_max", SCALARS, "2^32-1 takes five bytes", {"u32": 0xFFFFFFFF})
rt("uint64_max", SCALARS, "2^64-1 takes the full ten bytes; the last byte is 0x01", {"u64": (1 << 64) - 1})
rt("uint64_2_pow_63", SCALARS, "2^63", {"u64": 1 << 63})
rt("uint64_2_pow_56", SCALARS, "2^56: nine-byte varint", {"u64": 1 << 56})
rt("int32_minus_one", SCALARS, "zig-zag: -1 -> 1", {"i32": -1})
rt("int32_plus_one", SCALARS, "zig-zag: 1 -> 2", {"i32": 1})
rt("int32_minus_64", SCALARS, "zig-zag: -64 -> 127, still one byte", {"i32": -64})
rt("int32_plus_64", SCALARS, "zig-zag: 64 -> 128, two bytes", {"i32": 64})
rt("int32_minus_65", SCALARS, "zig-zag: -65 -> 129", {"i32": -65})
rt("int32_max", SCALARS, "2^31-1 -> 2^32-2", {"i32": 2147483647})
rt("int32_min", SCALARS, "-2^31 -> 2^32-1", {"i32": -2147483648})
rt("int64_minus_one", SCALARS, "zig-zag: -1 -> 1", {"i64": -1})
rt("int64_max", SCALARS, "2^63-1 -> 2^64-2, ten bytes", {"i64": (1 << 63) - 1})
rt("int64_min", SCALARS, "-2^63 -> 2^64-1, ten bytes", {"i64": -(1 << 63)})
rt("int64_ms_timestamp", SCALARS, "a millisecond timestamp (2020-07-01T00:00:00Z)", {"i64": 1593561600000})
rt("double_one", SCALARS, "fixed64 little-endian IEEE 754", {"f64": 1.0})
rt("double_pi", SCALARS, "fixed64 little-endian", {"f64": 3.141592653589793})
rt("double_negative_zero", SCALARS, "-0.0 is not the default bit pattern, so it is written", {"f64": -0.0})
rt("double_infinity", SCALARS, "+infinity", {"f64": float("inf")})
rt("double_nan", SCALARS, "the quiet NaN 0x7ff8000000000000 keeps its bits", {"f64": 0x7FF8000000000000})
rt("double_min_subnormal", SCALARS, "smallest positive subnormal, bits 0x1", {"f64": 5e-324})
rt("double_max", SCALARS, "largest finite double", {"f64": 1.7976931348623157e308})
rt("float_one_and_half", SCALARS, "fixed32 little-endian", {"f32": 1.5})
rt("float_negative_zero", SCALARS, "-0.0 is written", {"f32": -0.0})
rt("float_max", SCALARS, "largest finite float, bits 0x7f7fffff", {"f32": 0x7F7FFFFF})
rt("float_nan", SCALARS, "the quiet NaN 0x7fc00000 keeps its bits", {"f32": 0x7FC00000})
rt("string_ascii", SCALARS, "length 5 then the UTF-8 bytes", {"text": "hello"})
rt("string_cjk", SCALARS, "4 CJK characters are 12 UTF-8 bytes", {"text": "晋城技能"})
rt("string_four_byte_utf8", SCALARS, "characters outside the BMP take four bytes", {"text": "🛠𠀀"})
rt("string_nul_inside", SCALARS, "U+0000 is valid UTF-8 and kept", {"text": "a\u0000b"})
rt("string_300_bytes", SCALARS, "100 CJK characters: the length takes two bytes (0xac 0x02)", {"text": "技" * 100})
rt("bytes_every_kind", SCALARS, "opaque bytes, any values", {"blob": [0x00, 0x01, 0x7F, 0x80, 0xFF]})
rt("enum_known", SCALARS, "enum as a plain varint", {"color": 2})
rt("enum_unknown_kept", SCALARS, "a value this version does not name is kept", {"color": 99})
rt("enum_negative", SCALARS, "-1 as 32-bit two's complement: five bytes, not ten", {"color": -1})
rt("enum_int32_min", SCALARS, "-2^31 -> 0x80000000", {"color": -2147483648})
rt("field_number_100", SCALARS, "field 100: a two-byte tag (100<<3 = 800)", {"far": 7})
rt("field_number_max", SCALARS, "the largest field number 2^29-1: a five-byte tag", {"last": True})
rt("all_scalars", SCALARS, "every field set, written in declaration order", {
    "flag": True, "u32": 4000000000, "u64": 18000000000000000000, "i32": -123456, "i64": -9876543210123,
    "f64": -2.5, "f32": 0.25, "text": "晋城 Jincheng", "blob": [0xDE, 0xAD, 0xBE, 0xEF], "color": 1,
    "far": 16384, "last": True,
})

# Optional fields: presence is written even for default values.
rt("optional_absent", OPTIONALS, "absent optional fields are not written", {})
rt("optional_present_defaults", OPTIONALS, "optional fields present with their default value are written", {
    "flag": False, "u32": 0, "i64": 0, "f64": 0.0, "text": "", "blob": [], "color": 0, "inner": {},
})
rt("optional_present_values", OPTIONALS, "optional fields with values", {
    "flag": True, "u32": 9, "i64": -2, "f64": 0.5, "text": "县", "blob": [1], "color": 7, "inner": {"x": -1, "tag": "t"},
})

# Repeated fields: scalars packed, others one tagged value per element.
rt("packed_uint32", LISTS, "one length-delimited run of varints", {"u32s": [1, 300, 0xFFFFFFFF]})
rt("packed_uint32_zeros", LISTS, "zero elements of a list are written", {"u32s": [0, 0, 0]})
rt("packed_int64", LISTS, "zig-zag varints in a run", {"i64s": [-1, 0, 1, -(1 << 63), (1 << 63) - 1]})
rt("packed_double", LISTS, "eight bytes per element", {"f64s": [1.0, -2.5, 0.0]})
rt("packed_float", LISTS, "four bytes per element", {"f32s": [1.5, -0.0]})
rt("packed_bool", LISTS, "one byte per element", {"flags": [True, False, True]})
rt("packed_enum", LISTS, "unknown and negative enum values in a run", {"colors": [1, 99, -1]})
rt("repeated_strings", LISTS, "one tag per element; empty elements are written", {"texts": ["", "a", "晋城"]})
rt("repeated_bytes", LISTS, "one tag per element", {"blobs": [[], [0xFF], [0, 1, 2]]})
rt("repeated_messages", LISTS, "one tag per element; an empty message is a zero length", {
    "inners": [{}, {"x": -3, "tag": "x"}, {"x": 2147483647}],
})
rt("lists_every_kind", LISTS, "every list kind at once", {
    "u32s": [5], "i64s": [-5], "f64s": [0.125], "f32s": [8.0], "flags": [False], "colors": [3],
    "texts": ["阳城县"], "blobs": [[7]], "inners": [{"tag": "内"}],
})
rt("empty_lists", LISTS, "empty lists are not written", {"u32s": [], "texts": [], "inners": []})

# Nested messages.
rt("nested_default_inner", OUTER, "a singular nested message is always written, here as length 0", {})
rt("nested_all", OUTER, "singular, optional and repeated nested messages", {
    "label": "外", "inner": {"x": 5, "tag": "内"}, "maybe": {}, "items": [{"x": 1}, {"x": -1, "tag": "晋"}],
})

# The labour-registration record of docs/ANCHORS.md §3 (about 120 bytes).
RECORD = {
    "idNumber": "14052419900307123X", "name": "张晓明", "gender": 1, "birthDate": 19900307,
    "county": 140524, "category": 3, "phone": "13803561234", "education": 4,
    "occupations": ["叉车司机职业技能", "电工职业技能等级"], "registeredAt": 1593561600000, "status": 1,
}
rt("registration_record", REGISTRATION_RECORD, "the codec benchmark's record: 18-char ID, 3 CJK name, 2 occupations of 8 CJK chars", RECORD)
rt("registration_record_empty", REGISTRATION_RECORD, "a record with every field default", {})
rt("registration_record_unknown_enums", REGISTRATION_RECORD, "enum values a newer peer added are kept", {
    "idNumber": "140581200001011234", "gender": 9, "category": 17, "education": 42, "status": -3,
})

# Decode-only: what a reader must accept beyond the canonical form.
dec("decode_out_of_order", SCALARS, "fields in reverse declaration order",
    SCALARS.encode({"text": "z"}) + SCALARS.encode({"i32": -2}) + SCALARS.encode({"flag": True}),
    {"flag": True, "i32": -2, "text": "z"})
dec("decode_last_value_wins", SCALARS, "a singular field seen twice keeps the last value",
    SCALARS.encode({"u32": 1}) + SCALARS.encode({"text": "a"}) + SCALARS.encode({"u32": 2}) + SCALARS.encode({"text": "b"}),
    {"u32": 2, "text": "b"})
dec("decode_unknown_fields_skipped", SCALARS, "unknown fields of every wire type (numbers 20-23, 63, 64, 5000) are skipped",
    tag(20, VARINT) + varint(1 << 63) + SCALARS.encode({"flag": True})
    + tag(21, FIXED64) + h("0102030405060708") + tag(22, LENGTH_DELIMITED) + h("03 616263")
    + SCALARS.encode({"u32": 5}) + tag(23, FIXED32) + h("ffffffff") + tag(63, VARINT) + h("00")
    + tag(64, LENGTH_DELIMITED) + h("00") + tag(5000, VARINT) + h("7f") + SCALARS.encode({"text": "k"}),
    {"flag": True, "u32": 5, "text": "k"})
dec("decode_unknown_nested_message", SCALARS, "an unknown field holding a nested message is skipped whole",
    tag(30, LENGTH_DELIMITED) + varint(5) + tag(1, LENGTH_DELIMITED) + varint(3) + tag(1, VARINT) + h("96 01")
    + SCALARS.encode({"i32": 3}),
    {"i32": 3})
dec("decode_non_minimal_varint", SCALARS, "varints with redundant continuation groups are accepted",
    tag(2, VARINT) + h("81 80 80 00") + tag(3, VARINT) + h("80 00"), {"u32": 1})
dec("decode_bool_any_nonzero", SCALARS, "any non-zero varint is true", tag(1, VARINT) + varint(2), {"flag": True})
dec("decode_explicit_default", SCALARS, "a default value written explicitly decodes as the default",
    tag(2, VARINT) + h("00") + tag(8, LENGTH_DELIMITED) + h("00"), {})
dec("decode_enum_sign_extended", SCALARS, "a negative enum as a ten-byte sign-extended varint (protobuf style) is accepted",
    tag(10, VARINT) + varint((1 << 64) - 1), {"color": -1})
dec("decode_unpacked_scalars", LISTS, "repeated scalars sent one tag per element",
    tag(1, VARINT) + varint(1) + tag(1, VARINT) + varint(300) + tag(4, FIXED32) + struct.pack("<f", 1.5)
    + tag(6, VARINT) + varint(99),
    {"u32s": [1, 300], "f32s": [1.5], "colors": [99]})
dec("decode_packed_and_unpacked_mixed", LISTS, "packed runs and single elements of one field are concatenated in order",
    tag(1, LENGTH_DELIMITED) + h("02 0102") + tag(1, VARINT) + h("03") + tag(1, LENGTH_DELIMITED) + h("00")
    + tag(1, LENGTH_DELIMITED) + h("01 04"),
    {"u32s": [1, 2, 3, 4]})
dec("decode_repeated_interleaved", LISTS, "elements of a repeated field separated by other fields keep their order",
    LISTS.encode({"texts": ["a"]}) + LISTS.encode({"u32s": [7]}) + LISTS.encode({"texts": ["b"]}) + LISTS.encode({"u32s": [8]}),
    {"u32s": [7, 8], "texts": ["a", "b"]})
dec("decode_nested_replaced_not_merged", OUTER, "a singular nested message seen twice: the last one replaces the first (no merge)",
    tag(2, LENGTH_DELIMITED) + h("02 0802") + tag(2, LENGTH_DELIMITED) + h("03 120161"),
    {"inner": {"tag": "a"}})
dec("decode_nested_absent_is_default", OUTER, "a missing singular nested message decodes as its default", b"",
    {})

# Errors (§4.7).
err("error_truncated_tag", SCALARS, "input ends inside a tag varint", h("80"), "truncated")
err("error_truncated_varint", SCALARS, "input ends inside a varint value", h("10 80"), "truncated")
err("error_truncated_fixed64", SCALARS, "a fixed64 with three bytes left", h("31 000000"), "truncated")
err("error_truncated_fixed32", SCALARS, "a fixed32 with two bytes left", h("3d 0000"), "truncated")
err("error_truncated_length_prefix", SCALARS, "input ends inside a length prefix", h("42 ff"), "truncated")
err("error_truncated_unknown_fixed64", SCALARS, "an unknown fixed64 field cut short", h("a1 01 0102"), "truncated")
err("error_length_beyond_input", SCALARS, "length 5 with one byte left", h("42 05 61"), "lengthOutOfRange(8)")
err("error_unknown_length_beyond_input", SCALARS, "an unknown field's length past the end", h("b2 01 09 00"), "lengthOutOfRange(22)")
err("error_varint_eleven_bytes", SCALARS, "a varint with more than ten bytes", h("10 ffffffffffffffffff ff 01"), "malformedVarint")
err("error_varint_overflows_64_bits", SCALARS, "a ten-byte varint whose last byte is above 1", h("10 80808080808080808002"), "malformedVarint")
err("error_uint32_overflow", SCALARS, "2^32 in a uint32 field", h("10 8080808010"), "malformedVarint")
err("error_int32_overflow", SCALARS, "zig-zag 2^32 (= 2^31) in an int32 field", h("20 8080808010"), "malformedVarint")
err("error_field_number_zero", SCALARS, "tag 0x00: field number 0", h("00 01"), "invalidTag(0)")
err("error_wire_type_3", SCALARS, "wire type 3 (start group) is not defined", h("0b"), "invalidTag(11)")
err("error_wire_type_4", SCALARS, "wire type 4 (end group) is not defined", h("0c"), "invalidTag(12)")
err("error_wire_type_6", SCALARS, "wire type 6 is not defined", h("0e"), "invalidTag(14)")
err("error_wire_type_7", SCALARS, "wire type 7 is not defined", h("0f 00"), "invalidTag(15)")
err("error_field_number_too_large", SCALARS, "field number 2^29 makes a tag above 2^32-1", h("8080808010 00"), "invalidTag(4294967296)")
err("error_wire_type_mismatch", SCALARS, "field 2 (uint32, varint) sent as fixed32", h("15 01000000"), "wireTypeMismatch(2,0,5)")
err("error_string_as_varint", SCALARS, "field 8 (string) sent as a varint", h("40 01"), "wireTypeMismatch(8,2,0)")
err("error_invalid_utf8_lone_continuation", SCALARS, "0x80 cannot start a UTF-8 sequence", h("42 01 80"), "invalidUTF8(8)")
err("error_invalid_utf8_overlong", SCALARS, "overlong encoding of U+0000", h("42 02 c080"), "invalidUTF8(8)")
err("error_invalid_utf8_surrogate", SCALARS, "an encoded UTF-16 surrogate (U+D800)", h("42 03 eda080"), "invalidUTF8(8)")
err("error_invalid_utf8_truncated_sequence", SCALARS, "a three-byte sequence cut after two", h("42 02 e699"), "invalidUTF8(8)")
err("error_invalid_utf8_above_max", SCALARS, "a code point above U+10FFFF", h("42 04 f4908080"), "invalidUTF8(8)")
err("error_nested_truncated", OUTER, "a nested message whose inner varint is cut short", h("12 01 08"), "truncated")
err("error_nested_invalid_utf8", OUTER, "invalid UTF-8 inside a nested message", h("12 03 1201ff"), "invalidUTF8(2)")
err("error_packed_truncated_element", LISTS, "a packed run ending inside a varint", h("0a 02 0180"), "truncated")
err("error_packed_fixed_partial", LISTS, "a packed double run of 12 bytes", h("1a 0c 000000000000f03f 00000000"), "truncated")
err("error_repeated_wrong_type", LISTS, "field 7 (repeated string) sent as fixed64", h("39 0000000000000000"), "wireTypeMismatch(7,2,1)")

# --------------------------------------------------------------------------------------
# frames.txt (§3)
# --------------------------------------------------------------------------------------

PREFACE = b"JCS/1\r\n\n"
FRAME_TYPES = {0: "SETTINGS", 1: "HEADERS", 2: "MESSAGE", 3: "TRAILERS", 4: "CANCEL", 5: "PING",
               6: "GOAWAY", 7: "WINDOW_UPDATE", 8: "END_STREAM"}


def frame(frame_type, flags, stream, payload):
    assert len(payload) < 1 << 32 and stream < 1 << 32
    return struct.pack(">IBBI", len(payload), frame_type, flags, stream) + payload


frames = []


def fr(name, description, frame_type, flags, stream, payload=b"", schema=None, value=None):
    if schema is not None:
        payload = schema.encode(value)
    entry = dict(name=name, description=description,
                 type=f"0x{frame_type:02x} {FRAME_TYPES.get(frame_type, 'UNKNOWN')}",
                 flags=f"0x{flags:02x}", stream=str(stream))
    if schema is not None:
        entry["payload"] = f"{schema.name} {render(schema, value)}"
    entry["payload-hex"] = payload.hex()
    entry["hex"] = frame(frame_type, flags, stream, payload).hex()
    frames.append(entry)


CLIENT_SETTINGS = {  # what the Swift client sends by default (ClientConfiguration)
    "protocolVersion": 1, "maximumFrameSize": 65536, "maximumConcurrentStreams": 100,
    "initialWindowSize": 262144, "maximumMessageSize": 4194304, "maximumMetadataSize": 16384,
}
SERVER_SETTINGS = dict(CLIENT_SETTINGS, idleTimeoutMilliseconds=300000)
DEFAULT_SETTINGS = dict(CLIENT_SETTINGS, initialWindowSize=65536)

frames.append(dict(name="preface", description="the eight bytes a client sends first: JCS/1 CR LF LF",
                   type="preface", hex=PREFACE.hex()))
fr("settings_protocol_defaults", "SETTINGS carrying every protocol default explicitly", 0x0, 0, 0,
   schema=SETTINGS, value=DEFAULT_SETTINGS)
fr("settings_client", "the SETTINGS a client with default configuration sends (256 KiB window)", 0x0, 0, 0,
   schema=SETTINGS, value=CLIENT_SETTINGS)
fr("settings_server", "the SETTINGS a server with default configuration sends (idle timeout 5 min)", 0x0, 0, 0,
   schema=SETTINGS, value=SERVER_SETTINGS)
fr("settings_empty", "SETTINGS with an empty payload: every field takes its protocol default", 0x0, 0, 0,
   schema=SETTINGS, value={})
fr("headers_health_check", "HEADERS opening a health check with a 5 s timeout and a request id", 0x1, 0, 1,
   schema=CALL_HEADERS, value={"method": "jcskills.Health/Check", "timeoutMicroseconds": 5000000,
                               "metadata": [{"key": "request-id", "value": "00000000075bcd15"}]})
fr("headers_write_with_idempotency_key", "HEADERS of a write: custom metadata, request id, idempotency key", 0x1, 0, 3,
   schema=CALL_HEADERS, value={"method": "jcskills.registry.Registry/RegisterPerson", "timeoutMicroseconds": 30000000,
                               "metadata": [{"key": "x-operator", "value": "阳城县人社局"},
                                            {"key": "request-id", "value": "a1b2c3d4e5f60718"},
                                            {"key": "idempotency-key", "value": "import-2020-07-01-000042"}]})
fr("headers_no_deadline_end_stream", "HEADERS without a deadline, half-closing at once (END_STREAM 0x01)", 0x1, 0x01, 5,
   schema=CALL_HEADERS, value={"method": "jcskills.Echo/Collect"})
fr("message_end_stream", "a unary request: one MESSAGE with END_STREAM", 0x2, 0x01, 1,
   schema=HEALTH_CHECK_REQUEST, value={"service": "jcskills.registry.Registry"})
fr("message_empty_end_stream", "an empty request message (all fields default) with END_STREAM: length 0", 0x2, 0x01, 1,
   schema=HEALTH_CHECK_REQUEST, value={})
fr("message_response", "a response message (servers never set END_STREAM)", 0x2, 0, 1,
   schema=HEALTH_CHECK_RESPONSE, value={"status": 1, "server": "registry", "version": "1.0.0"})
ECHO_VALUE = {"payload": list(range(16)), "text": "晋城", "count": 3}
ECHO_BYTES = ECHO_MESSAGE.encode(ECHO_VALUE)
fr("message_more_first_fragment", "the first 10 bytes of an EchoMessage, MORE (0x02): the message continues", 0x2, 0x02, 7,
   payload=ECHO_BYTES[:10])
fr("message_more_last_fragment", "the rest of that EchoMessage, flags 0: the message is complete", 0x2, 0x00, 7,
   payload=ECHO_BYTES[10:])
fr("message_echo_whole", "the same EchoMessage in one frame (what the fragments join to)", 0x2, 0x00, 7,
   schema=ECHO_MESSAGE, value=ECHO_VALUE)
fr("trailers_ok", "TRAILERS with status OK: code 0 is the default, so the payload is empty", 0x3, 0, 1,
   schema=TRAILERS, value={})
fr("trailers_error", "TRAILERS with NOT_FOUND, a CJK message and metadata", 0x3, 0, 3,
   schema=TRAILERS, value={"code": 5, "message": "未找到该人员", "metadata": [{"key": "request-id", "value": "a1b2c3d4e5f60718"}]})
fr("trailers_resource_exhausted", "TRAILERS refusing a stream over the concurrency limit", 0x3, 0, 201,
   schema=TRAILERS, value={"code": 8, "message": "more than 100 concurrent calls"})
fr("cancel", "CANCEL from a client that gave up", 0x4, 0, 3,
   schema=CANCEL_REASON, value={"code": 1, "message": "the client cancelled the call"})
fr("cancel_deadline", "CANCEL sent when the client's deadline passed", 0x4, 0, 9,
   schema=CANCEL_REASON, value={"code": 4, "message": "the client's deadline passed"})
fr("ping", "PING on stream 0 with eight opaque bytes", 0x5, 0, 0, payload=h("0102030405060708"))
fr("ping_ack", "the answer: same payload, ACK (0x01)", 0x5, 0x01, 0, payload=h("0102030405060708"))
fr("goaway_graceful", "GOAWAY for a graceful shutdown: calls up to stream 7 finish, later ones may be retried", 0x6, 0, 0,
   schema=GO_AWAY, value={"lastStreamID": 7, "code": 0, "message": "server shutting down"})
fr("goaway_frame_too_large", "GOAWAY after a frame over the limit (RESOURCE_EXHAUSTED)", 0x6, 0, 0,
   schema=GO_AWAY, value={"lastStreamID": 41, "code": 8, "message": "frame of 70000 bytes exceeds the limit of 65536"})
fr("goaway_no_streams", "GOAWAY before any call: last stream id 0", 0x6, 0, 0,
   schema=GO_AWAY, value={"code": 0, "message": "idle"})
fr("window_update", "WINDOW_UPDATE returning 65,536 bytes of credit to stream 1 (u32 big-endian)", 0x7, 0, 1,
   payload=struct.pack(">I", 65536))
fr("window_update_max", "WINDOW_UPDATE with the largest credit", 0x7, 0, 3, payload=struct.pack(">I", 0xFFFFFFFF))
fr("end_stream", "END_STREAM frame: half-close after messages that went without the flag", 0x8, 0, 5)
fr("unknown_type", "a frame type this version does not know (0x2a): receivers ignore it", 0x2A, 0x80, 0, payload=h("cafe"))
fr("stream_id_max", "the largest odd stream id", 0x8, 0, 0xFFFFFFFF)


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------

HEADER = """\
# {title}
# Generated by Protocol/vectors/generate.py from the rules of Protocol/SPEC.md (§12).
# Do not edit by hand: change generate.py and run it again.
#
# One vector per block; blocks are separated by blank lines; lines are `key: value`.
{keys}
"""

CODEC_KEYS = """\
#   name         unique identifier
#   message      the schema (SPEC.md §12.2 test messages, or a real message of the protocol)
#   description  what the vector shows
#   value        the logical value: {field: value, ...}; fields not listed have their default.
#                Strings are "quoted", bytes are hex"...", floats are decimal or bits:0x...
#   direction    `decode-only`: bytes a reader must accept that a writer would not produce
#   error        instead of value: the bytes must be rejected with this error (SPEC.md §4.7)
#   hex          the encoded message: its fields, without any length prefix (may be empty)"""

FRAME_KEYS = """\
#   name         unique identifier
#   description  what the vector shows
#   type         frame type byte and its name (or `preface`: the hex is the connection preface)
#   flags        flags byte
#   stream       stream id (decimal)
#   payload      for control payloads and messages: the schema and logical value
#   payload-hex  the payload bytes
#   hex          the whole frame: 10-byte header then payload"""


def write_blocks(blocks, order):
    out = []
    for block in blocks:
        for key in order:
            if key in block:
                out.append(f"{key}: {block[key]}".rstrip() + "\n")
        out.append("\n")
    return "".join(out)


def outputs():
    codec_text = HEADER.format(title="Codec golden vectors (SPEC.md §4)", keys=CODEC_KEYS) + "\n" + write_blocks(
        codec, ["name", "message", "description", "direction", "value", "error", "hex"])
    frames_text = HEADER.format(title="Frame golden vectors (SPEC.md §2.2, §3)", keys=FRAME_KEYS) + "\n" + write_blocks(
        frames, ["name", "description", "type", "flags", "stream", "payload", "payload-hex", "hex"])
    return {"codec.txt": codec_text, "frames.txt": frames_text}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    names = [b["name"] for b in codec] + [b["name"] for b in frames]
    assert len(names) == len(set(names)), "duplicate vector names"
    stale = []
    for filename, text in outputs().items():
        path = os.path.join(here, filename)
        if "--check" in sys.argv:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    stale.append(filename)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    if stale:
        print("out of date: " + ", ".join(stale) + " (run generate.py)", file=sys.stderr)
        sys.exit(1)
    print(f"{len(codec)} codec vectors, {len(frames)} frame vectors")


if __name__ == "__main__":
    main()
