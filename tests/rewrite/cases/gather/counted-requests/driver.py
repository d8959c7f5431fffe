"""A client counting what it sends (``self.request_count += 1``,
``self.stats["received"] += len(response.content)``): calls made together
end with the same counts in any order, so a loop over its methods is
gathered; the counts after it are what they were."""

ROUTES = {
    "GET pypi.example.com /pypi/a/json": (200, {"info": {"version": "1.0"}}),
    "GET pypi.example.com /pypi/b/json": (200, {"info": {"version": "2.0"}}),
    "GET pypi.example.com /pypi/c/json": (200, {"info": {"version": "3.1"}}),
}


def drive(run):
    registry = run.module("registry")
    base = run.url("pypi.example.com")
    run.check("versions and counts", registry.versions_and_count, base, ["a", "b", "c"])
    run.check("a missing one", registry.versions_and_count, base, ["a", "x"])
