"""Items from a generator: read once, paired with their results, as before."""

HOSTS = ("catalog",)
ROUTES = {
    **{f"GET catalog /v1/products/s{i}": (200, {"price": i * 100, "name": f"p{i}"}) for i in range(1, 5)},
    "GET catalog /v1/products/s9": (404, {"error": "missing"}),
}


def drive(run):
    catalog = run.module("catalog")
    for name in ("prices", "labelled", "loop_twin"):
        func = getattr(catalog, name)
        run.check(name, func, (f"s{i}" for i in (1, 2, 3)))
        run.check(f"{name}, a list", func, ["s4", "s1"])
        run.check(f"{name}, one missing", func, iter(["s1", "s9"]))
    for name in ("headed",):
        func = getattr(catalog, name)
        run.check(name, func, ["s1", "s2", "s3"])
        run.check(f"{name}, one missing", func, ["s1", "s9", "s2"])
    run.check("into, one missing", catalog.into, ["s1", "s9", "s2"], ["x"])
    run.check("in_stock", catalog.in_stock, iter(["s1", "", "s2x", "s3"]))
    run.check("in_stock, one missing", catalog.in_stock, ["s1", "s9", "s2"])
    run.check("grid", catalog.grid, ["s"], [1, 2, 3])
    run.check("grid, one missing", catalog.grid, ("s", "t"), [1, 9])
