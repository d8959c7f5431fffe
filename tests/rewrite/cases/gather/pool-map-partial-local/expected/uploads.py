"""Uploads in chunks, a pool's threads each sending one."""

from functools import partial

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_outcomes


class Uploader:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _upload(self, operation, chunk, wait=False):
        response = await self.session.post(
            f"{self.base}/{operation}", json={"rows": chunk, "wait": wait}
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()["id"]

    async def upload(self, operation, chunks, workers=1):
        if workers == 1:
            return [await self._upload(operation, chunk) for chunk in chunks]
        worker = partial(self._upload, operation, wait=True)
        results = (
            outcome.result()
            for outcome in await gather_outcomes(map(worker, chunks), limit=min(workers, 10))
        )
        return list(results)
