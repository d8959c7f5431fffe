from typing import Optional

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://git.example.com/api"


class Backend:
    def __init__(self, session: Optional[httpx.AsyncClient] = None) -> None:
        def _new_client() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self._client: httpx.AsyncClient = session or AsyncClientPerLoop(_new_client)

    @property
    def client(self) -> httpx.AsyncClient:
        return self._client

    async def request(self, method: str, path: str) -> httpx.Response:
        return await self._client.request(method, BASE + path, timeout=10)


class Gitlab:
    def __init__(self, session: Optional[httpx.AsyncClient] = None) -> None:
        self.backend = Backend(session)

    async def get(self, path: str) -> dict:
        response = await self.backend.request("GET", path)
        if response.status_code == 404:
            raise LookupError(response.json()["message"])
        return response.json()


async def project_name(project_id: int) -> str:
    return (await Gitlab().get(f"/projects/{project_id}"))["name"]


async def project_name_with_own_session(project_id: int) -> str:
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        session.headers["PRIVATE-TOKEN"] = "secret"
        return (await Gitlab(session).get(f"/projects/{project_id}"))["name"]
