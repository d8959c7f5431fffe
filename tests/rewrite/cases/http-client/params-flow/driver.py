"""Query parameters and form fields that come from elsewhere (a parameter, an
attribute, a call, a dict built elsewhere) keep requests' treatment of None:
the key is left out, where httpx would send it empty (``page=``), and bytes
are sent as the text they encode, where httpx would send ``b'...'``. What the
upstream receives, query string and form body, must be the same."""

ROUTES = {
    "GET api.example.com /search": (200, {"results": []}),
    "GET api.example.com /items": (200, {"items": []}),
    "POST api.example.com /orders": (201, {"created": True}),
}


def drive(run):
    catalog = run.module("catalog")
    run.check("dict from a caller", catalog.search, {"q": "lamp", "page": None})
    run.check("list of pairs from a caller", catalog.search, [("q", "a"), ("x", None)])
    run.check("list values from a caller", catalog.search, {"tag": ["a", None, "b"]})
    run.check("string from a caller", catalog.search, "q=lamp&page=")
    run.check("no params", catalog.search, None)
    run.check("dict from a call", catalog.search_term, "lamp")
    run.check("dict from a call, page", catalog.search_term, "lamp", 2)
    run.check("pairs built here", catalog.search_pairs, "lamp")
    run.check("item set here", catalog.listing, 3)
    run.check("module constant", catalog.defaults)
    run.check("through **options", catalog.with_options, "lamp")
    run.check("bytes literal", catalog.search_bytes, "desk")
    run.check("bytes from a caller", catalog.search, {"q": "café".encode(), "n": [b"1", b"2"]})
    run.check("bytes encoded here", catalog.search_encoded, "café")
    run.check("form of bytes built here", catalog.order_encoded, "désk")
    run.check("form literal of bytes", catalog.order_literal, "désk")
    shop = catalog.Catalog(token="t")
    run.check("attribute merged", shop.items, colour=None, size="L")
    run.check("attribute", shop.first)
    run.check("form from a caller", shop.order, "desk")
    run.check("form with a note", shop.order, "desk", "fragile")
