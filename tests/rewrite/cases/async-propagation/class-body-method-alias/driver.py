"""``create = put`` in a class body makes ``create`` another name of ``put``:
``self.create()`` and ``api.create()`` are awaited once ``put`` is async, and
a subclass's ``create`` is still the base's ``put`` (bound when the base's
body ran), not the subclass's override. A call on an object of unknown type
reaches ``put`` by the name ``create`` too, where its arguments fit no other
``create``."""

ROUTES = {
    "POST records.example.com /items": (200, {"id": "i1"}),
    "POST records.example.com /attachments": (200, {"id": "a1"}),
    "POST records.example.com /broken": (500, {"error": "down"}),
}


def drive(run):
    base = run.url("records.example.com")
    api = run.module("records.api")
    run.check("an item", api.new_item, api.Api(base), "first")
    run.check("an attachment", api.Api(base).attach, "i1", "a.txt")
    run.check("through the subclass", api.AuditedApi(base).attach_all, "i1", ["a", "b"])
    run.check("the override", api.AuditedApi(base).put, "items", {"title": "t"})
    run.check("drafts", api.draft_items, ["a", "b"])
    run.check("an error", api.Api(base).create, "broken", {})
