"""A call on an object no type reaches is taken for the project's methods of its
name that its arguments fit: ``endpoint.update_tags(item)`` is an Endpoint's
(awaited), ``differ.update_tags(before, item)`` is TagDiff's, which stays sync."""

ROUTES = {
    "PUT tags.example.com /views/v1/tags": (200, {"tags": ["blue", "red"]}),
    "PUT tags.example.com /workbooks/w1/tags": (200, {"tags": ["green"]}),
    "PUT tags.example.com /workbooks/gone/tags": (404, {"error": "missing"}),
}


def drive(run):
    base = run.url("tags.example.com")
    client = run.module("tags.client")
    server = client.Server(base)
    run.check("a view's tags", client.retag, server, "views", {"id": "v1", "tags": {"red", "blue"}})
    run.check("a workbook's", client.retag, server, "workbooks", {"id": "w1", "tags": ["green"]})
    run.check("a missing one", client.retag, server, "workbooks", {"id": "gone", "tags": []})
    run.check("changes", client.changes, client.TagDiff(), ["a"], {"tags": ["a", "b"]})
