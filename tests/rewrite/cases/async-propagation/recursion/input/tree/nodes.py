import requests

from . import walk

BASE = "http://tree.example.com"


def fetch_node(node_id):
    response = requests.get(f"{BASE}/nodes/{node_id}", timeout=5)
    response.raise_for_status()
    return response.json()


def fetch_pages(url):
    """Recursion with the await inside an expression."""
    page = requests.get(url, timeout=5).json()
    if not page["next"]:
        return page["items"]
    return page["items"] + fetch_pages(BASE + page["next"])


def subtree(node_id):
    """Mutual recursion across modules (walk.children calls back here)."""
    node = fetch_node(node_id)
    return [node["name"]] + walk.children(node)


def depth(node_id):
    node = fetch_node(node_id)
    return 1 + max([depth(child) for child in node["children"]], default=0)
