"""A name defined more than once: a function in both branches of an ``if``
(the ``else`` one runs here), singledispatch's registered ``_``
implementations, ``@overload`` stubs before the implementation. Calls of the
name may run any of them, so they all become async together and every call
is awaited: the definitions under the ``if`` were not seen at all (a call of
``fetch`` linked to nothing), and the registered ``_`` hid one another (the
first one's request stayed on requests, its dispatcher sync)."""

ROUTES = {
    "GET catalog.example.com /items/1": (200, {"name": "pen", "price": 1.5}),
    "GET catalog.example.com /items/2": (200, {"name": "ink", "price": 4.0}),
    "GET catalog.example.com /items/9": (404, {"error": "gone"}),
}


def drive(run):
    catalog = run.module("catalog")
    run.check("report", catalog.report, [1, "loose", [2, 1]])
    run.check("report, one gone", catalog.report, [1, 9])
    run.check("total", catalog.total, [1, 2])
