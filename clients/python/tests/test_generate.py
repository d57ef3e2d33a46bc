"""The generator: generated.py is up to date (like Protocol/vectors/generate.py --check),
and the sample contract gives typed dataclasses, IntEnums and service clients that encode
like the dict form."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

import pathsetup
from jcskills import codec

GENERATOR = os.path.join(pathsetup.ROOT, "generate.py")
SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample_contract.json")


class GeneratorTests(unittest.TestCase):
    def test_generated_module_is_up_to_date(self) -> None:
        result = subprocess.run([sys.executable, GENERATOR, "--check"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_check_fails_when_out_of_date(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "g.py")
            with open(out, "w") as f:
                f.write("# stale\n")
            result = subprocess.run([sys.executable, GENERATOR, "--contract", SAMPLE, "--out", out, "--check"],
                                    capture_output=True, text=True)
            self.assertEqual(result.returncode, 1)

    def test_sample_contract(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "gen_sample.py")
            subprocess.run([sys.executable, GENERATOR, "--contract", SAMPLE, "--out", out], check=True,
                           capture_output=True)
            spec = importlib.util.spec_from_file_location("jcskills.gen_sample", out)
            assert spec and spec.loader
            m = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = m
            try:
                spec.loader.exec_module(m)
            finally:
                del sys.modules[spec.name]
        person = m.PersonRegistration(id_number="14052419900307123X", name="张晓明", gender=m.Gender.MALE,
                                      residence_county=140524, category=m.LabourCategory.RURAL, key_groups=[1, 99])
        schema = m.SCHEMAS.message("PersonRegistration")
        raw = codec.encode(schema, person)
        self.assertEqual(codec.decode(schema, raw), person)
        self.assertIsInstance(codec.decode(schema, raw).gender, m.Gender)
        self.assertEqual(codec.decode(schema, raw).key_groups, [1, 99])  # unknown values kept as numbers
        response = codec.decode(m.SCHEMAS.message("RegisterPersonResponse"), b"")
        self.assertEqual(response.person, m.PersonView())  # a singular message defaults to all-default
        self.assertTrue(hasattr(m.RegistryClient, "get_person"))
        self.assertTrue(hasattr(m.RegistryClient, "import_persons"))
        self.assertTrue(hasattr(m.GatewayClient, "watch"))
        self.assertTrue(hasattr(m.EchoClient, "update"))
        self.assertEqual(m.METHODS["jcskills.registry.Registry/GetPerson"].kind, "unary")
        self.assertTrue(m.METHODS["jcskills.registry.Registry/GetPerson"].idempotent)
        self.assertEqual(m.GoAway().last_stream_id, 0)


if __name__ == "__main__":
    unittest.main()
