"""The live tests' ID numbers follow docs/DOMAIN.md §3 (its two examples check out)."""

import unittest

from live_support import WEIGHTS, id_number


def check(number: str) -> str:
    s = sum(int(d) * w for d, w in zip(number[:17], WEIGHTS))
    return "10X98765432"[s % 11]


class IDNumberTests(unittest.TestCase):
    def test_examples_of_the_domain_document(self) -> None:
        for example in ("11010519491231002X", "440524188001010014"):
            self.assertEqual(check(example), example[-1])

    def test_generated_numbers(self) -> None:
        for male in (True, False):
            n = id_number(140524, "19850101", male)
            self.assertEqual(len(n), 18)
            self.assertEqual(check(n), n[-1])
            self.assertEqual(int(n[16]) % 2 == 1, male)
