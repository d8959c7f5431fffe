import requests

BASE = "http://tree.example.com"


class Tree:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def node(self, node_id):
        return self.session.get(f"{self.base}/nodes/{node_id}", timeout=5).json()

    def names(self, node_id):
        node = self.node(node_id)
        return [node["name"], *[n for c in node["children"] for n in self.names(c)]]

    def walk(self, node_id):
        node = self.node(node_id)
        yield node["name"]
        for child in node["children"]:
            yield from self.walk(child)

    def label(self, node_id, parent=None):
        node = self.node(node_id)
        if parent is None:
            return node["name"]
        return f"{self.label(parent)}/{node['name']}"

    def first_leaf(self, node_id):
        node = self.node(node_id)
        kids = node["children"]
        return kids and self.first_leaf(kids[0]) or node["name"]


def count(tree: Tree, node_id):
    children = tree.node(node_id)["children"]
    return len(children) + sum([count(tree, child) for child in children])
