"""Hand-written async code and loops with two fetches per item, migrated once."""

import inspect

# Only the success path of ``pairs`` and ``chained``: a failure now comes before
# the second fetch of the items ahead of it (the first fetches all run together),
# so the same error is raised after fewer reads.

HOSTS = ("x",)
ROUTES = {
    **{f"GET x /{i}": (200, {"i": i, "name": f"item {i}", "next": i + 1}) for i in range(0, 8)},
    "GET x /404": (404, {"error": "not found"}),
}


def drive(run):
    module = run.module("catalog")
    for name, func in sorted(vars(module).items()):
        if not inspect.isfunction(func) or func.__module__ != module.__name__:
            continue
        if name.startswith("fetch"):
            continue
        if name == "pairs":
            run.check(name, func, [(1, 2), (3, 4), (5, 6)])
        elif name == "chained":
            run.check(name, func, [3, 1, 0, 2])
        else:
            run.check(name, func, [3, 1, 0, 2])
            run.check(f"{name}, one missing", func, [3, 404, 1])
