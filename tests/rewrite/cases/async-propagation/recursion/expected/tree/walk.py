from . import nodes
from ._async_helpers import gather_in_order


async def children(node):
    names = []
    subtrees = await gather_in_order(
        (nodes.subtree(child) for child in node["children"]), limit=10
    )
    for subtree in subtrees:
        names += subtree
    return names


async def sizes(node_id):
    node = await nodes.fetch_node(node_id)
    return {node["name"]: len(node["children"]), **await merge(node["children"])}


async def merge(ids):
    out = {}
    sizes_results = await gather_in_order((sizes(child) for child in ids), limit=10)
    for sizes_result in sizes_results:
        out.update(sizes_result)
    return out
