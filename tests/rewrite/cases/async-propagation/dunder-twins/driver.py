"""Dunders Python runs on syntax (``in``, ``len()``, ``x[k] = v``, ``del x[k]``)
that would await become async twins (``acontains``, ...), awaited where the
object's type is known, and a generator ``__iter__`` becomes ``__aiter__``
(``async for``); the dunders stay as bridges for sync code. A truth test runs
``__len__`` where the class has no ``__bool__``, and ``", ".join`` takes every
item."""

ROUTES = {
    "GET shop.example.com /names": (200, ["tea", "jam"]),
    "GET shop.example.com /none": (200, []),
    "PUT shop.example.com /items/cake": (200, {}),
    "DELETE shop.example.com /items/tea": (200, {}),
    "DELETE shop.example.com /items/jam": (200, {}),
    "GET shop.example.com /items/tea": (200, {"price": 3}),
    "GET shop.example.com /items/jam": (200, {"price": 5}),
}


def drive(run):
    base = run.url("shop.example.com")
    catalog = run.module("shop.catalog")
    run.check("restock", catalog.restock, base, ["tea", "cake"])
    run.check("summary, from sync code", catalog.summary, catalog.Catalog(base))
    run.check("add one it has", lambda: catalog.Catalog(base).add("tea", 2))
    run.check("describe, where the type is not known", catalog.describe, catalog.Catalog(base))
    run.check("first price, one item fetched", catalog.first_price, base)
    run.check("prices", catalog.prices, catalog.Catalog(base))
    run.check("max with a key", catalog.dearest, catalog.Catalog(base))
    run.check("a shelf tested for truth, then joined", catalog.label, base)
    run.check("an empty shelf", catalog.label, base, "none")
    run.check("truth from __bool__, nothing fetched", catalog.opening, base)
