"""Functions a method or ``__getattr__`` makes and hands back to be called
(``api.action.org_list(...)``, ckanapi's action shortcut;
``org_list = client.shortcut("org_list")`` then ``org_list(...)``, or called at
once): the closure becomes async, and each call of what was handed back is
awaited. Before, the closure became async and those calls stayed plain, each
handing its caller a coroutine where the result was expected. The case's
test hands one to ``assertRaises`` (``assertRaises(NotFound,
client.action.org_show, id=...)``): it becomes ``with self.assertRaises(...):
await client.action.org_show(id=...)``."""

ROUTES = {
    "POST data.example.com /api/action/org_list": (200, {"result": ["a", "b"]}),
    "POST data.example.com /api/action/org_show": (404, {"error": "not found"}),
}


def drive(run):
    ckan = run.module("ckan")
    run.check("through __getattr__", ckan.organisations)
    run.check("through a local", ckan.organisations_through_a_local)
    run.check("called at once", ckan.organisations_at_once)
