import httpx

from . import walk
from ._async_helpers import TLS_CONTEXT, gather_in_order

BASE = "http://tree.example.com"


async def fetch_node(node_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/nodes/{node_id}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def fetch_pages(url):
    """Recursion with the await inside an expression."""
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        page = (await http_client.get(url, timeout=5)).json()
    if not page["next"]:
        return page["items"]
    return page["items"] + await fetch_pages(BASE + page["next"])


async def subtree(node_id):
    """Mutual recursion across modules (walk.children calls back here)."""
    node = await fetch_node(node_id)
    return [node["name"]] + await walk.children(node)


async def depth(node_id):
    node = await fetch_node(node_id)
    return 1 + max(
        await gather_in_order((depth(child) for child in node["children"]), limit=10),
        default=0,
    )
