import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, httpx_kwargs


class Shop:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _make_request(self, **kwargs):
        # Every argument by name, the method and the URL too.
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return await http_client.request(**httpx_kwargs(kwargs))

    async def _send(self, **kwargs):
        response = await self.session.request(**httpx_kwargs(kwargs))
        if response.is_error:
            response.raise_for_status()
        return response

    async def item(self, item_id):
        response = await self._make_request(
            **dict(method="GET", url=f"{self.base}/items/{item_id}", timeout=(3, 10))
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def moved(self, item_id):
        response = await self._make_request(
            method="GET", url=f"{self.base}/old/{item_id}", allow_redirects=False
        )
        return response.status_code, response.headers.get("location")

    async def order(self, item_id, count):
        return (
            await self._send(
                method="POST",
                url=f"{self.base}/orders",
                json={"item": item_id, "count": count},
            )
        ).json()
