import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

BASE = "http://tree.example.com"


class Tree:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def node(self, node_id):
        return (await self.session.get(f"{self.base}/nodes/{node_id}", timeout=5)).json()

    async def names(self, node_id):
        node = await self.node(node_id)
        return [
            node["name"],
            *[n for c in node["children"] for n in await self.names(c)],
        ]

    async def walk(self, node_id):
        node = await self.node(node_id)
        yield node["name"]
        for child in node["children"]:
            async for item in self.walk(child):
                yield item

    async def label(self, node_id, parent=None):
        node = await self.node(node_id)
        if parent is None:
            return node["name"]
        return f"{await self.label(parent)}/{node['name']}"

    async def first_leaf(self, node_id):
        node = await self.node(node_id)
        kids = node["children"]
        return kids and await self.first_leaf(kids[0]) or node["name"]


async def count(tree: Tree, node_id):
    children = (await tree.node(node_id))["children"]
    return len(children) + sum(
        await gather_in_order((count(tree, child) for child in children), limit=10)
    )
