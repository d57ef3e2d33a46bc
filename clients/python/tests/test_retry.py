"""What a unary call may be retried on (Protocol/SPEC.md §10.3), as the Swift client decides it."""

import unittest

import pathsetup  # noqa: F401  (puts the package on the path)
from jcskills.client import safe_to_retry
from jcskills.errors import RPCError, StatusCode


class SafeToRetryTests(unittest.TestCase):
    def test_the_table_of_section_10_3(self) -> None:
        cases = [
            # code, not processed, idempotent, keyed, retried
            (StatusCode.UNAVAILABLE, True, False, False, True),
            (StatusCode.UNAVAILABLE, False, False, False, False),
            (StatusCode.UNAVAILABLE, False, True, False, True),
            (StatusCode.UNAVAILABLE, False, False, True, True),
            (StatusCode.ABORTED, False, False, False, False),
            (StatusCode.ABORTED, False, True, False, True),
            (StatusCode.ABORTED, False, False, True, True),
            (StatusCode.DEADLINE_EXCEEDED, False, True, True, False),
            (StatusCode.INTERNAL, False, True, True, False),
            (StatusCode.RESOURCE_EXHAUSTED, False, True, False, False),
        ]
        for code, not_processed, idempotent, keyed, retried in cases:
            error = RPCError(code, "x", not_processed=not_processed)
            with self.subTest(code=code, not_processed=not_processed, idempotent=idempotent, keyed=keyed):
                self.assertEqual(safe_to_retry(error, idempotent=idempotent, keyed=keyed), retried)


if __name__ == "__main__":
    unittest.main()
