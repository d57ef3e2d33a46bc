"""Every golden vector of Protocol/vectors (SPEC.md §12.3): encode and compare byte for
byte, decode and compare values (floats by bit pattern), decode-only and error vectors,
and every frame of frames.txt through the writer and the parser."""

from __future__ import annotations

import unittest

import pathsetup  # noqa: F401  (before jcskills)
from jcskills import codec, frames
from jcskills.errors import WireError, FrameError

from vectorfile import SCHEMAS, canonical, parse_value, read_blocks, to_python

CODEC = read_blocks("codec.txt")
FRAMES = read_blocks("frames.txt")


class CodecVectorTests(unittest.TestCase):
    def test_vector_files_are_there(self) -> None:
        self.assertGreaterEqual(len(CODEC), 100)
        self.assertGreaterEqual(len(FRAMES), 25)

    def test_codec_vectors(self) -> None:
        counts = {"roundtrip": 0, "decode-only": 0, "error": 0}
        for v in CODEC:
            with self.subTest(v["name"]):
                schema = SCHEMAS.message(v["message"])
                raw = bytes.fromhex(v.get("hex", ""))
                if "error" in v:
                    with self.assertRaises(WireError) as ctx:
                        codec.decode(schema, raw)
                    self.assertEqual(ctx.exception.spelling, v["error"])
                    counts["error"] += 1
                    continue
                expected = parse_value(v["value"])
                decoded = codec.decode(schema, raw)
                self.assertEqual(canonical(schema, decoded), canonical(schema, expected))
                if v.get("direction") == "decode-only":
                    counts["decode-only"] += 1
                    continue
                self.assertEqual(codec.encode(schema, to_python(schema, expected)).hex(), raw.hex())
                # and what we decoded encodes back to the same bytes
                self.assertEqual(codec.encode(schema, decoded).hex(), raw.hex())
                counts["roundtrip"] += 1
        self.assertEqual(sum(counts.values()), len(CODEC))


class FrameVectorTests(unittest.TestCase):
    def test_frame_vectors(self) -> None:
        for v in FRAMES:
            with self.subTest(v["name"]):
                raw = bytes.fromhex(v["hex"])
                if v["type"] == "preface":
                    self.assertEqual(frames.PREFACE, raw)
                    continue
                type_ = int(v["type"].split()[0], 16)
                flags = int(v["flags"], 16)
                stream = int(v["stream"])
                payload = bytes.fromhex(v.get("payload-hex", ""))
                self.assertEqual(frames.encode_frame(type_, flags, stream, payload), raw)
                parsed = frames.parse_one(raw)
                self.assertEqual((parsed.type, parsed.flags, parsed.stream, parsed.payload),
                                 (type_, flags, stream, payload))
                if "payload" in v:
                    name, _, value_text = v["payload"].partition(" ")
                    schema = SCHEMAS.message(name)
                    expected = parse_value(value_text)
                    self.assertEqual(canonical(schema, codec.decode(schema, payload)), canonical(schema, expected))
                    self.assertEqual(codec.encode(schema, to_python(schema, expected)), payload)

    def test_settings_vectors(self) -> None:
        by_name = {v["name"]: v for v in FRAMES}
        client = bytes.fromhex(by_name["settings_client"]["payload-hex"])
        self.assertEqual(frames.CLIENT_SETTINGS.payload(), client)
        self.assertEqual(frames.Settings.from_payload(b""), frames.DEFAULT_SETTINGS)
        server = frames.Settings.from_payload(bytes.fromhex(by_name["settings_server"]["payload-hex"]))
        self.assertEqual(server.initialWindowSize, 262_144)
        self.assertEqual(server.idleTimeoutMilliseconds, 300_000)
        self.assertEqual(frames.Settings.from_payload(bytes.fromhex("1000")), frames.DEFAULT_SETTINGS)

    def test_control_payload_helpers(self) -> None:
        by_name = {v["name"]: v for v in FRAMES}
        headers = by_name["headers_write_with_idempotency_key"]
        self.assertEqual(frames.headers_payload(
            "jcskills.registry.Registry/RegisterPerson", 30_000_000,
            [("x-operator", "阳城县人社局"), ("request-id", "a1b2c3d4e5f60718"),
             ("idempotency-key", "import-2020-07-01-000042")]).hex(), headers["payload-hex"])
        self.assertEqual(frames.cancel_payload(4, "the client's deadline passed").hex(),
                         by_name["cancel_deadline"]["payload-hex"])
        self.assertEqual(frames.parse_cancel(b""), (1, ""))
        self.assertEqual(frames.parse_cancel(b"\xff"), (1, ""))
        self.assertEqual(frames.parse_trailers(bytes.fromhex(by_name["trailers_error"]["payload-hex"])),
                         (5, "未找到该人员", [("request-id", "a1b2c3d4e5f60718")]))
        self.assertEqual(frames.parse_goaway(bytes.fromhex(by_name["goaway_graceful"]["payload-hex"])),
                         (7, 0, "server shutting down"))
        self.assertEqual(frames.parse_credit(bytes.fromhex("ffffffff")), 0xFFFFFFFF)
        with self.assertRaises(FrameError):
            frames.parse_credit(b"\0\0\1")

    def test_parser_reassembles_any_split(self) -> None:
        stream = b"".join(bytes.fromhex(v["hex"]) for v in FRAMES if v["type"] != "preface")
        expected = [frames.parse_one(bytes.fromhex(v["hex"])) for v in FRAMES if v["type"] != "preface"]
        for size in (1, 3, 7, 10, 64, len(stream)):
            parser = frames.FrameParser()
            got = []
            for i in range(0, len(stream), size):
                got.extend(parser.feed(stream[i:i + size]))
            self.assertEqual(got, expected, f"chunks of {size}")

    def test_parser_refuses_oversized_frame_from_header(self) -> None:
        parser = frames.FrameParser(max_frame_size=65_536)
        with self.assertRaises(FrameError):
            list(parser.feed(frames.encode_header(frames.MESSAGE, 0, 1, 70_000)))


if __name__ == "__main__":
    unittest.main()
