import httpx

from _async_helpers import TLS_CONTEXT


async def server_version(server):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        response = await session.get(server + "/rest/api/2/serverInfo", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()["version"]


async def search(server, term):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(server + "/search", params={"q": term}, timeout=5)
        ).json()
