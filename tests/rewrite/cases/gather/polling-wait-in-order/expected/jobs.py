import asyncio

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class JobClient:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def submit(self, spec):
        r = await self.session.post(f"{self.base}/jobs", json=spec)
        if r.is_error:
            r.raise_for_status()
        return r.json()["id"]

    async def wait(self, job_id, interval=0.01):
        while (await self.session.get(f"{self.base}/jobs/{job_id}")).json()[
            "state"
        ] != "done":
            await asyncio.sleep(interval)

    async def result(self, job_id):
        r = await self.session.get(f"{self.base}/jobs/{job_id}/result")
        if r.is_error:
            r.raise_for_status()
        return r.json()

    async def status(self, job_id, tries=3):
        for attempt in range(tries):
            try:
                return (
                    await self.session.get(f"{self.base}/jobs/{job_id}", timeout=5)
                ).json()
            except (
                httpx.NetworkError,
                httpx.ConnectTimeout,
                httpx.WriteTimeout,
                httpx.RemoteProtocolError,
                httpx.ProxyError,
            ):
                await asyncio.sleep(0.01)
        return None


async def render(client, spec):
    job_id = await client.submit(spec)
    await client.wait(job_id)
    return await client.result(job_id)


async def states(client, ids):
    results = await gather_in_order((client.status(i) for i in ids), limit=10)
    return [status["state"] for status in results]
