from . import nodes


def children(node):
    names = []
    for child in node["children"]:
        names += nodes.subtree(child)
    return names


def sizes(node_id):
    node = nodes.fetch_node(node_id)
    return {node["name"]: len(node["children"]), **merge(node["children"])}


def merge(ids):
    out = {}
    for child in ids:
        out.update(sizes(child))
    return out
