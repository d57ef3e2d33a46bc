#!/usr/bin/env python3
"""Throughput of health calls on one connection: 1 and 32 outstanding for N seconds each;
prints calls/s and p50/p99 latency.

    python3 clients/python/bench.py --endpoint 127.0.0.1:7101 --tls .jcskills/pki [--as admin]
                                     [--seconds 10] [--concurrency 1,32] [--warmup 1]

Every call is a full unary call (HEADERS, MESSAGE, MESSAGE, TRAILERS) on the same connection;
the latency is measured per call from before it is sent to its decoded response.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jcskills import Client, TLSConfig  # noqa: E402
from jcskills.contracts import HEALTH_CHECK  # noqa: E402


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of a sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, int(-(-p * len(sorted_values) // 100)))  # ceil(p/100 * n)
    return sorted_values[min(rank, len(sorted_values)) - 1]


async def run(client: Client, concurrency: int, seconds: float) -> tuple[int, float, list[float]]:
    """`concurrency` workers each keep one call outstanding until the time is up."""
    latencies: list[float] = []
    clock = time.perf_counter
    end = clock() + seconds

    async def worker() -> None:
        while True:
            start = clock()
            if start >= end:
                return
            await client.unary(HEALTH_CHECK, {}, timeout=10)
            latencies.append(clock() - start)

    start = clock()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = clock() - start
    return len(latencies), elapsed, latencies


async def main() -> int:
    parser = argparse.ArgumentParser(description="health-call throughput on one connection")
    parser.add_argument("--endpoint", default="127.0.0.1:7101")
    parser.add_argument("--tls", default=os.environ.get("JCSKILLS_TLS", ".jcskills/pki"))
    parser.add_argument("--as", dest="identity", default=os.environ.get("JCSKILLS_AS", "admin"))
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--concurrency", default="1,32", help="comma-separated outstanding-call counts")
    args = parser.parse_args()
    client = Client(args.endpoint, TLSConfig.from_pki(args.tls, args.identity))
    try:
        await client.health()  # connect once: every run below uses this connection
        print(f"endpoint {args.endpoint}, {args.seconds:g} s per run, python {sys.version.split()[0]}")
        print(f"{'outstanding':>11}  {'calls':>8}  {'calls/s':>10}  {'p50 ms':>8}  {'p99 ms':>8}")
        for concurrency in (int(c) for c in args.concurrency.split(",")):
            if args.warmup > 0:
                await run(client, concurrency, args.warmup)
            n, elapsed, latencies = await run(client, concurrency, args.seconds)
            latencies.sort()
            print(f"{concurrency:>11}  {n:>8}  {n / elapsed:>10.1f}  {percentile(latencies, 50) * 1e3:>8.3f}"
                  f"  {percentile(latencies, 99) * 1e3:>8.3f}")
    finally:
        await client.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
