"""Loop fission, comprehensions over results, separated calls, thread pools, a cursor chain."""

import inspect

HOSTS = ("x",)
ROUTES = {
    **{f"GET x /{i}": (200, {"i": i, "name": f"item {i}", "next": i + 1}) for i in range(0, 7)},
    "GET x /404": (404, {"error": "not found"}),
}


def drive(run):
    module = run.module("directory")
    for name, func in sorted(vars(module).items()):
        if not inspect.isfunction(func) or func.__module__ != module.__name__:
            continue
        if name.startswith("fetch"):
            continue
        if name == "pages":
            run.check(name, func, 1)
        elif name in ("pooled", "partial_map"):
            # A thread pool ran every call even after one failed; a gather cancels
            # the ones after it, so only the success path reads the same.
            run.check(name, func, [3, 1, 0, 2])
        elif inspect.signature(func).parameters:
            run.check(name, func, [3, 404, 1, 0, 2])
        else:
            run.check(name, func)
