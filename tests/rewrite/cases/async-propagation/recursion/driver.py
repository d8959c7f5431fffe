"""Recursion and mutual recursion across modules, awaits inside expressions."""

ROUTES = {
    "GET tree.example.com /nodes/1": (200, {"name": "root", "children": [2, 3]}),
    "GET tree.example.com /nodes/2": (200, {"name": "a", "children": [4]}),
    "GET tree.example.com /nodes/3": (200, {"name": "b", "children": []}),
    "GET tree.example.com /nodes/4": (200, {"name": "c", "children": []}),
    "GET tree.example.com /nodes/5": (200, {"name": "broken", "children": [2, 404]}),
    "GET tree.example.com /nodes/404": (404, {"error": "missing"}),
    "GET tree.example.com /pages/1": (200, {"items": [1, 2], "next": "/pages/2"}),
    "GET tree.example.com /pages/2": (200, {"items": [3], "next": "/pages/3"}),
    "GET tree.example.com /pages/3": (200, {"items": [], "next": None}),
}


def drive(run):
    base = run.url("tree.example.com")
    nodes = run.module("tree.nodes")
    walk = run.module("tree.walk")
    more = run.module("tree.more")
    run.check("pages", nodes.fetch_pages, base + "/pages/1")
    run.check("pages, missing", nodes.fetch_pages, base + "/pages/9")
    run.check("subtree across modules", nodes.subtree, 1)
    run.check("subtree, a child missing", nodes.subtree, 5)
    run.check("depth", nodes.depth, 1)
    run.check("sizes", walk.sizes, 1)
    tree = more.Tree(base)
    run.check("names", tree.names, 1)
    run.check("walk", tree.walk, 1)
    run.check("label", tree.label, 4, 2)
    run.check("first leaf", tree.first_leaf, 1)
    run.check("count", more.count, tree, 1)
