"""Every fan-out shape: comprehensions, map, thread pools, loops with writes."""

import inspect

HOSTS = ("x",)
ROUTES = {
    **{f"GET x /{i}": (200, {"i": i}) for i in range(-1, 6)},
    "POST x /": (200, {"posted": True}),
}


def drive(run):
    shapes = run.module("shapes")
    for name, func in sorted(vars(shapes).items()):
        if not inspect.isfunction(func) or func.__module__ != shapes.__name__:
            continue
        if name in ("fetch", "post", "get_item", "numbers"):
            continue
        args = [[3, 1, 0, 2]] if inspect.signature(func).parameters else []
        run.check(name, func, *args)
