import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    httpx_kwargs,
    requests_params,
)


class Api:
    def __init__(self, endpoint):
        self._endpoint = endpoint

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self._session = AsyncClientPerLoop(_new_session)

    async def request(self, method, path, **kwargs):
        response = await self._session.request(
            method=method, url=self._endpoint + path, **httpx_kwargs(kwargs)
        )
        return response.json()

    async def create(self, path, body):
        return (
            await self._session.request(
                "POST", url=self._endpoint + path, json={"name": body}
            )
        ).status_code


async def fetch(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url=url, params=requests_params(url, {}))).json()
