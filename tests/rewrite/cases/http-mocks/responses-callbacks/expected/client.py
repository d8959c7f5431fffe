import httpx

from _async_helpers import TLS_CONTEXT

API = "https://shop.example.com/api"


async def search(term, page=1):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(
            f"{API}/search", params={"q": term, "page": page}, timeout=5
        )
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


async def create(item):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.post(
            f"{API}/items", json=item, headers={"X-Token": "t1"}, timeout=5
        )
    return resp.status_code, resp.headers["Content-Type"], resp.text


async def rename(item_id, name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.put(
            f"{API}/items/{item_id}", data={"name": name}, timeout=5
        )
    return resp.status_code, resp.content


async def remove(item_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.delete(f"{API}/items/{item_id}", timeout=5)
        ).status_code
