"""What the live tests need: where the running set is (JCSKILLS_LIVE, JCSKILLS_TLS,
JCSKILLS_BASE_PORT), the contract to call it with, and valid resident ID numbers."""

from __future__ import annotations

import json
import os
import random
from typing import Any, Optional

import pathsetup  # noqa: F401
from jcskills.contracts import PROTOCOL_CONTRACT, Method, methods_of
from jcskills.connection import TLSConfig
from jcskills.schema import SchemaSet

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_CONTRACT = os.path.normpath(os.path.join(HERE, "..", "..", "..", "Protocol", "contracts.json"))
SAMPLE_CONTRACT = os.path.join(HERE, "sample_contract.json")

# Offsets from the base port (Sources/CLI/LocalPorts.swift: each service's default port − 7100).
OFFSETS = {"gateway": 0, "registry": 1, "training": 2, "evaluation": 3, "competition": 4}

LIVE = os.environ.get("JCSKILLS_LIVE", "")


def live_reason() -> Optional[str]:
    """None when a live set is named, else why the live tests are skipped."""
    if not LIVE:
        return "JCSKILLS_LIVE is not set (name a running local set: its home directory, or 1 with JCSKILLS_TLS and JCSKILLS_BASE_PORT)"
    if not os.path.exists(os.path.join(tls_directory(), "ca.crt")):
        return f"no ca.crt in {tls_directory()} (set JCSKILLS_TLS)"
    return None


def tls_directory() -> str:
    if os.environ.get("JCSKILLS_TLS"):
        return os.environ["JCSKILLS_TLS"]
    return os.path.join(LIVE, "pki") if os.path.isdir(LIVE) else ".jcskills/pki"


def base_port() -> int:
    if os.environ.get("JCSKILLS_BASE_PORT"):
        return int(os.environ["JCSKILLS_BASE_PORT"])
    recorded = os.path.join(LIVE, "run", "base-port")
    if os.path.isdir(LIVE) and os.path.exists(recorded):
        with open(recorded) as f:
            return int(f.read().strip())
    return 7100


def endpoint(service: str) -> str:
    return f"127.0.0.1:{base_port() + OFFSETS[service]}"


def tls(identity: Optional[str] = None) -> TLSConfig:
    return TLSConfig.from_pki(tls_directory(), identity or os.environ.get("JCSKILLS_AS", "admin"))


def _contract() -> tuple[dict[str, Any], str]:
    for path in (REPO_CONTRACT, SAMPLE_CONTRACT):
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return json.load(f), path
    raise FileNotFoundError(SAMPLE_CONTRACT)


CONTRACT, CONTRACT_PATH = _contract()
SCHEMAS = SchemaSet().load(PROTOCOL_CONTRACT).load(CONTRACT)
METHODS: dict[str, Method] = {**methods_of(PROTOCOL_CONTRACT, SCHEMAS), **methods_of(CONTRACT, SCHEMAS)}

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(county: int = 140524, birth: str = "19900307", male: bool = True,
              rng: Optional[random.Random] = None) -> str:
    """A valid 18-character resident ID number (docs/DOMAIN.md §3): county, birth date,
    a sequence whose last digit is odd for a man, and the check character."""
    r = rng or random.SystemRandom()
    seq = r.randrange(0, 500) * 2 + (1 if male else 0)
    body = f"{county:06d}{birth}{seq:03d}"
    s = sum(int(d) * w for d, w in zip(body, WEIGHTS))
    return body + "10X98765432"[s % 11]


def phone(rng: Optional[random.Random] = None) -> str:
    r = rng or random.SystemRandom()
    return "138" + "".join(str(r.randrange(10)) for _ in range(8))
