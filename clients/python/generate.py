#!/usr/bin/env python3
"""Writes jcskills/generated.py from the contract file: a dataclass per message, an IntEnum
per enum, and per service a client class with one typed method per RPC.

    python3 clients/python/generate.py              # from Protocol/contracts.json
    python3 clients/python/generate.py --check      # fails when generated.py is out of date
    python3 clients/python/generate.py --contract X --out Y

The protocol's own schemas (control payloads, Health, Echo: jcskills/contracts.py) are always
included; the contract file adds to them (and wins on a name both declare). Without a
contract file only those are generated, and --check says so. Python names are snake_case
(``idNumber`` → ``id_number``); field numbers, not names, go on the wire, so the embedded
schema simply uses the Python names.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import keyword
import os
import pprint
import re
import sys
from typing import Any, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from jcskills.contracts import PROTOCOL_CONTRACT  # noqa: E402

DEFAULT_CONTRACT = os.path.normpath(os.path.join(HERE, "..", "..", "Protocol", "contracts.json"))
DEFAULT_OUT = os.path.join(HERE, "jcskills", "generated.py")

SCALAR_HINT = {"bool": "bool", "int32": "int", "int64": "int", "uint32": "int", "uint64": "int",
               "double": "float", "float": "float", "string": "str", "bytes": "bytes"}
SCALAR_DEFAULT = {"bool": "False", "int32": "0", "int64": "0", "uint32": "0", "uint64": "0",
                  "double": "0.0", "float": "0.0", "string": '""', "bytes": 'b""'}
RESERVED_ATTRS = {"self", "request", "requests", "kwargs"}


def snake(name: str) -> str:
    """camelCase / PascalCase → snake_case, acronyms kept together (lastStreamID → last_stream_id)."""
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower()
    s = re.sub(r"[^0-9a-z_]", "_", s)
    if s[:1].isdigit():
        s = "_" + s
    if keyword.iskeyword(s) or keyword.issoftkeyword(s):
        s += "_"
    return s


def upper(name: str) -> str:
    s = snake(name).rstrip("_").upper()
    return s if s and not keyword.iskeyword(s) else s + "_"


def merged_contract(path: Optional[str]) -> tuple[dict[str, Any], str]:
    """The protocol's schemas plus the contract file's; and a line saying where they came from."""
    merged: dict[str, Any] = {"services": [], "messages": {}, "enums": {}}
    sources = ["jcskills/contracts.py"]
    documents = [PROTOCOL_CONTRACT]
    if path and os.path.exists(path):
        with open(path, "rb") as f:
            raw = f.read()
        documents.append(json.loads(raw))
        rel = os.path.relpath(path, os.path.join(HERE, "..", ".."))
        sources.append(f"{rel} (sha256 {hashlib.sha256(raw).hexdigest()[:16]})")
    services: dict[str, dict[str, Any]] = {}
    for doc in documents:
        for s in doc.get("services", []):
            services[s["name"]] = s
        merged["messages"].update(doc.get("messages", {}))
        merged["enums"].update(doc.get("enums", {}))
    merged["services"] = list(services.values())
    return merged, " + ".join(sources)


def python_contract(contract: dict[str, Any]) -> dict[str, Any]:
    """The contract with snake_case field names: what the codec uses with the dataclasses."""
    out: dict[str, Any] = {"messages": {}, "enums": contract["enums"]}
    for name, body in contract["messages"].items():
        fields = []
        seen: set[str] = set()
        for f in body.get("fields", []):
            py = snake(f["name"])
            if py in seen:
                raise SystemExit(f"{name}: two fields map to the Python name {py!r}")
            seen.add(py)
            g = {k: v for k, v in f.items() if k != "name"}
            fields.append({"name": py, **g})
        out["messages"][name] = {"fields": fields, "reserved": body.get("reserved", [])}
    return out


def field_line(f: dict[str, Any], enums: dict[str, Any]) -> str:
    name, kind, label = snake(f["name"]), f["type"], f.get("label", "singular")
    if kind == "message":
        ref = f["message"]
        if label == "repeated":
            return f"    {name}: list[{ref}] = field(default_factory=list)"
        if label == "optional":
            return f"    {name}: Optional[{ref}] = None"
        return f"    {name}: {ref} = field(default_factory=lambda: {ref}())"
    if kind == "enum":
        ref = f["enum"]
        hint = f"Union[{ref}, int]"
        numbers = [v["number"] for v in enums.get(ref, {}).get("values", [])]
        zero = next((v for v in enums.get(ref, {}).get("values", []) if v["number"] == 0), None)
        default = f"{ref}.{upper(zero['name'])}" if zero is not None else "0"
        if f.get("default") is not None and f["default"] in numbers:
            default = f"{ref}({int(f['default'])})"
    else:
        hint = SCALAR_HINT[kind]
        default = SCALAR_DEFAULT[kind]
        if f.get("default") is not None:
            default = repr(f["default"])
    if label == "repeated":
        return f"    {name}: list[{hint}] = field(default_factory=list)"
    if label == "optional":
        return f"    {name}: Optional[{hint}] = None"
    return f"    {name}: {hint} = {default}"


def generate(contract_path: Optional[str]) -> str:
    contract, source = merged_contract(contract_path)
    messages, enums = contract["messages"], contract["enums"]
    lines: list[str] = []
    w = lines.append
    w('"""Typed messages, enums and service clients generated from the contract.')
    w("")
    w(f"Source: {source}.")
    w("Do not edit: run `python3 clients/python/generate.py` (and `--check` in CI).")
    w('"""')
    w("")
    w("# fmt: off")
    w("from __future__ import annotations")
    w("")
    w("from dataclasses import dataclass, field")
    w("from enum import IntEnum")
    w("from typing import Any, AsyncIterable, Iterable, Optional, Union")
    w("")
    w("from .client import Client, ResponseStream, StreamingCall")
    w("from .contracts import Method, methods_of")
    w("from .schema import SchemaSet")
    w("")
    w("")
    for name in sorted(enums):
        w(f"class {name}(IntEnum):")
        values = enums[name].get("values", [])
        if not values:
            w("    pass")
        used: set[str] = set()
        for v in values:
            member = upper(v["name"])
            while member in used:
                member += "_"
            used.add(member)
            w(f"    {member} = {int(v['number'])}")
        w("")
        w("")
    for name in sorted(messages):
        w("@dataclass")
        w(f"class {name}:")
        fields = messages[name].get("fields", [])
        if not fields:
            w("    pass")
        for f in fields:
            w(field_line(f, enums))
        w("")
        w("")
    w("CONTRACT: dict[str, Any] = " + pprint.pformat(python_contract(contract), width=110, sort_dicts=True))
    w("")
    w("SCHEMAS = SchemaSet().load(CONTRACT)")
    w("SCHEMAS.check()")
    w("for _name, _schema in SCHEMAS.messages.items():")
    w("    _schema.factory = globals()[_name]")
    w("for _name, _enum in SCHEMAS.enums.items():")
    w("    _enum.python_type = globals()[_name]")
    services_doc = {"services": contract["services"]}
    w("SERVICES: dict[str, Any] = " + pprint.pformat(services_doc, width=110, sort_dicts=True))
    w("METHODS: dict[str, Method] = methods_of(SERVICES, SCHEMAS)")
    w("")
    class_names = set(messages) | set(enums)
    for service in sorted(contract["services"], key=lambda s: s["name"]):
        cls = service["name"].rsplit(".", 1)[-1] + "Client"
        while cls in class_names:
            cls = "_" + cls
        class_names.add(cls)
        w("")
        w(f"class {cls}:")
        w(f'    """`{service["name"]}`: one method per RPC. Keyword arguments go to the call')
        w('    (timeout, metadata, request_id, idempotency_key)."""')
        w("")
        w(f"    SERVICE = {service['name']!r}")
        w("")
        w("    def __init__(self, client: Client) -> None:")
        w("        self.client = client")
        for m in service.get("methods", []):
            path = m.get("path") or f"{service['name']}/{m['name']}"
            py = snake(m["name"])
            req, resp, kind = m["request"], m["response"], m["kind"]
            doc = f"{m['name']} ({kind}{', idempotent' if m.get('idempotent') else ''}); access: {m.get('access', '')}".strip()
            w("")
            if kind == "unary":
                w(f"    async def {py}(self, request: {req}, **kwargs: Any) -> {resp}:")
                w(f'        """{doc}"""')
                w(f"        return await self.client.unary(METHODS[{path!r}], request, **kwargs)  # type: ignore[no-any-return]")
            elif kind == "serverStreaming":
                w(f"    def {py}(self, request: {req}, **kwargs: Any) -> ResponseStream:")
                w(f'        """{doc}. Iterate the stream for `{resp}` messages."""')
                w(f"        return self.client.server_streaming(METHODS[{path!r}], request, **kwargs)")
            elif kind == "clientStreaming":
                w(f"    async def {py}(self, requests: Union[Iterable[{req}], AsyncIterable[{req}]], **kwargs: Any) -> {resp}:")
                w(f'        """{doc}"""')
                w(f"        return await self.client.client_streaming(METHODS[{path!r}], requests, **kwargs)  # type: ignore[no-any-return]")
            else:
                w(f"    def {py}(self, **kwargs: Any) -> StreamingCall:")
                w(f'        """{doc}. `async with` it; send `{req}`, receive `{resp}`."""')
                w(f"        return self.client.streaming_call(METHODS[{path!r}], **kwargs)")
        w("")
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contract", default=DEFAULT_CONTRACT, help="contract file (default Protocol/contracts.json)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="output module (default jcskills/generated.py)")
    parser.add_argument("--check", action="store_true", help="fail when the output is out of date")
    args = parser.parse_args()
    if not os.path.exists(args.contract):
        print(f"note: {args.contract} not found: generating the protocol's own schemas only", file=sys.stderr)
    text = generate(args.contract)
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = ""
        if current != text:
            print(f"{args.out} is out of date: run python3 clients/python/generate.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
