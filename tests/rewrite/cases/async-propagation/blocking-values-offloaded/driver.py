"""A session kept on requests (its verbs looked up by name and handed requests'
own ``verify=``) in a method that becomes async all the same, as an override it
shares its calls with sleeps: the call through the verb runs in a thread
(``sync_to_async``), so it blocks no event loop."""

ROUTES = {
    "GET index.example.com /select": (200, {"docs": ["a", "b"]}),
}


def drive(run):
    search = run.module("search")
    base = run.url("index.example.com")
    run.check("search", search.Index(base).search, "lamp")
    run.check("replicated search", search.ReplicatedIndex(base).search, "lamp")
