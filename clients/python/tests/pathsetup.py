"""Puts clients/python on sys.path so the tests run from any directory
(`python3 -m unittest discover -s clients/python/tests`)."""

import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
