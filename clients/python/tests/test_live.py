"""Live tests against a running set of services (skipped unless JCSKILLS_LIVE names one):
health of every service, the echo service's four call shapes, the registry (register, look
up, a small import, statistics), the gateway's Totals and Watch, deadlines, messages larger
than the flow-control window, PING, idempotency keys and the typed generated clients."""

from __future__ import annotations

import asyncio
import os
import random
import unittest

import live_support as live
from jcskills import Client, RPCError, StatusCode, SyncClient
from jcskills.frames import CLIENT_SETTINGS

SKIP = live.live_reason()
M = live.METHODS
REGISTRY = "jcskills.registry.Registry/"
GATEWAY = "jcskills.gateway.Gateway/"


def need(*paths: str) -> None:
    missing = [p for p in paths if p not in M]
    if missing:
        raise unittest.SkipTest(f"not in {live.CONTRACT_PATH}: {missing}")


@unittest.skipIf(SKIP is not None, SKIP or "")
class LiveTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self) -> None:
        self.tls = live.tls()
        self.registry = Client(live.endpoint("registry"), self.tls)
        self.gateway = Client(live.endpoint("gateway"), self.tls)

    async def asyncTearDown(self) -> None:
        await self.registry.close()
        await self.gateway.close()

    # -- §7.1

    async def test_health_of_every_service(self) -> None:
        for service in live.OFFSETS:
            async with Client(live.endpoint(service), self.tls) as client:
                answer = await client.health(timeout=5)
                self.assertEqual(answer["status"], 1, service)  # SERVING
                self.assertEqual(answer["server"], service)

    async def test_ping_and_settings(self) -> None:
        await self.registry.health()
        conn = await self.registry.connection()
        rtt = await conn.ping(5)
        self.assertLess(rtt, 5)
        self.assertTrue(conn.settings_received)
        self.assertGreaterEqual(conn.peer_settings.initialWindowSize, 65_536)

    # -- §7.2: the echo service (admin only), four shapes

    async def test_echo_four_shapes(self) -> None:
        c = self.registry
        self.assertEqual((await c.unary(M["jcskills.Echo/Echo"], {"text": "晋城", "payload": b"\0\1"}))["text"], "晋城")
        counts = [r["count"] async for r in c.server_streaming(M["jcskills.Echo/Expand"], {"text": "x", "count": 5})]
        self.assertEqual(counts, [0, 1, 2, 3, 4])
        collected = await c.client_streaming(M["jcskills.Echo/Collect"], [{"text": t} for t in "abc"])
        self.assertEqual((collected["text"], collected["count"]), ("abc", 3))
        self.assertEqual((await c.client_streaming(M["jcskills.Echo/Collect"], []))["count"], 0)
        async with c.bidirectional(M["jcskills.Echo/Update"]) as call:
            for t in ("one", "two", "three"):
                await call.send({"text": t})
                self.assertEqual((await call.receive())["text"], t)
            await call.done_sending()
            self.assertIsNone(await call.receive())

    async def test_echo_refused_to_another_identity(self) -> None:
        async with Client(live.endpoint("registry"), live.tls("gateway")) as c:
            with self.assertRaises(RPCError) as ctx:
                await c.unary(M["jcskills.Echo/Echo"], {"text": "x"})
            self.assertEqual(ctx.exception.code, StatusCode.PERMISSION_DENIED)

    # -- §6.1, §6.2

    async def test_deadline_expires(self) -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        with self.assertRaises(RPCError) as ctx:
            await self.registry.unary(M["jcskills.Echo/Echo"], {"delayMilliseconds": 3000}, timeout=0.3)
        self.assertEqual(ctx.exception.code, StatusCode.DEADLINE_EXCEEDED)
        self.assertLess(loop.time() - start, 2.0)
        # the connection is still good
        self.assertEqual((await self.registry.health())["status"], 1)

    async def test_task_cancellation_sends_cancel(self) -> None:
        task = asyncio.create_task(self.registry.unary(M["jcskills.Echo/Echo"], {"delayMilliseconds": 3000}))
        await asyncio.sleep(0.2)
        task.cancel()
        with self.assertRaises(asyncio.CancelledError):
            await task
        conn = await self.registry.connection()
        self.assertEqual(len(conn.streams), 0)
        self.assertEqual((await self.registry.health())["status"], 1)

    # -- §9: larger than the window

    async def test_messages_larger_than_the_window(self) -> None:
        c = self.registry
        big = os.urandom(CLIENT_SETTINGS.initialWindowSize * 2 + 12_345)  # ~ 512 KiB, > both windows
        self.assertEqual((await c.unary(M["jcskills.Echo/Echo"], {"payload": big}))["payload"], big)
        n = 0
        async for r in c.server_streaming(M["jcskills.Echo/Expand"], {"payload": big, "count": 4}):
            self.assertEqual(r["payload"], big)
            n += 1
        self.assertEqual(n, 4)
        collected = await c.client_streaming(M["jcskills.Echo/Collect"], [{"payload": big}] * 3)
        self.assertEqual(collected["payload"], big * 3)
        async with c.bidirectional(M["jcskills.Echo/Update"]) as call:
            for _ in range(3):
                await call.send({"payload": big})
                self.assertEqual((await call.receive())["payload"], big)
            await call.done_sending()

    async def test_many_calls_at_once(self) -> None:
        results = await asyncio.gather(*(self.registry.health() for _ in range(200)))
        self.assertTrue(all(r["status"] == 1 for r in results))

    # -- the registry

    def _person(self, rng: random.Random) -> dict:
        return {"idNumber": live.id_number(140524, f"19{rng.randrange(70, 99)}0{rng.randrange(1, 9)}1{rng.randrange(0, 9)}",
                                           True, rng),
                "name": "测试" + "".join(rng.choice("甲乙丙丁戊己庚辛") for _ in range(2)),
                "gender": 1, "residenceCounty": 140524, "category": 3, "phone": live.phone(rng)}

    async def test_registry_register_look_up_import_statistics(self) -> None:
        need(REGISTRY + "RegisterPerson", REGISTRY + "GetPerson", REGISTRY + "ImportPersons", REGISTRY + "Statistics")
        rng = random.Random()
        c = self.registry
        before = await c.unary(M[REGISTRY + "Statistics"], {"summaryOnly": True})
        person = self._person(rng)
        key = live.id_number(rng=rng) + "-py"
        answer = await c.unary(M[REGISTRY + "RegisterPerson"], person, idempotency_key=key)
        self.assertTrue(answer["cardNumber"])
        again = await c.unary(M[REGISTRY + "RegisterPerson"], person, idempotency_key=key)
        self.assertEqual(again["cardNumber"], answer["cardNumber"])  # the same key never writes twice
        with self.assertRaises(RPCError) as ctx:
            await c.unary(M[REGISTRY + "RegisterPerson"], person)
        self.assertEqual(ctx.exception.code, StatusCode.ALREADY_EXISTS)
        view = await c.unary(M[REGISTRY + "GetPerson"], {"idNumber": person["idNumber"]})
        self.assertEqual((view["cardNumber"], view["name"]), (answer["cardNumber"], person["name"]))
        with self.assertRaises(RPCError) as ctx:
            await c.unary(M[REGISTRY + "GetPerson"], {"idNumber": live.id_number(140524, "19800101", rng=rng)})
        self.assertEqual(ctx.exception.code, StatusCode.NOT_FOUND)
        rows = [{"line": i + 2, "person": self._person(rng)} for i in range(3)]
        rows.append({"line": 5, "person": {**self._person(rng), "idNumber": "123"}})  # refused with its line
        summary = await c.client_streaming(M[REGISTRY + "ImportPersons"], [{"rows": rows[:2]}, {"rows": rows[2:]}])
        self.assertEqual((summary["received"], summary["accepted"], summary["rejected"]), (4, 3, 1))
        self.assertEqual(summary["errors"][0]["line"], 5)
        after = await c.unary(M[REGISTRY + "Statistics"], {"summaryOnly": True})
        self.assertEqual(after["registered"], before["registered"] + 4)

    # -- the gateway

    async def test_gateway_totals_and_watch(self) -> None:
        need(GATEWAY + "Totals", GATEWAY + "Watch")
        totals = await self.gateway.unary(M[GATEWAY + "Totals"], {}, timeout=10)
        self.assertTrue(totals["scope"]["indicators"])
        self.assertTrue(totals["sources"])
        got = []
        async with self.gateway.server_streaming(M[GATEWAY + "Watch"], {"intervalMs": 200, "heartbeatSeconds": 1},
                                                 timeout=30) as watch:
            async for t in watch:
                got.append(t)
                if len(got) == 3:
                    break
        self.assertEqual(len(got), 3)
        self.assertTrue(got[0]["scope"]["indicators"])
        conn = await self.gateway.connection()
        self.assertEqual(len(conn.streams), 0)  # cancelled, forgotten
        self.assertEqual((await self.gateway.health())["status"], 1)

    # -- typed helpers and the synchronous wrapper

    async def test_generated_clients(self) -> None:
        from jcskills import generated
        health = generated.HealthClient(self.registry)
        answer = await health.check(generated.HealthCheckRequest())
        self.assertEqual(answer.status, generated.ServingStatus.SERVING)
        echo = generated.EchoClient(self.registry)
        self.assertEqual((await echo.echo(generated.EchoMessage(text="hi"))).text, "hi")
        if hasattr(generated, "RegistryClient") and hasattr(generated, "PersonLookup"):
            registry = generated.RegistryClient(self.registry)
            with self.assertRaises(RPCError) as ctx:
                await registry.get_person(generated.PersonLookup(id_number=live.id_number(140524, "19800101")))
            self.assertEqual(ctx.exception.code, StatusCode.NOT_FOUND)

    def test_sync_client(self) -> None:
        with SyncClient(live.endpoint("registry"), live.tls()) as client:
            self.assertEqual(client.health()["status"], 1)
            counts = [r["count"] for r in client.server_streaming(M["jcskills.Echo/Expand"], {"count": 3})]
            self.assertEqual(counts, [0, 1, 2])
            from jcskills import generated
            echo = client.service(generated.EchoClient)
            self.assertEqual(echo.echo(generated.EchoMessage(text="sync")).text, "sync")


if __name__ == "__main__":
    unittest.main()
