"""A base class calls a method on ``self`` that a subclass overrides with one
that fetches, deriving from the base parametrised (``Bound[dict]``): the
base's method, its caller and the other overrides become async with it, so
the call through the base is awaited for every subclass."""

ROUTES = {
    "GET api.example.com /records/7": (200, {"id": "7", "name": "seven"}),
}


def drive(run):
    models = run.module("models")
    models.API = run.url("api.example.com")
    run.check("fetching override", lambda: run.call(models.BoundRecord({"id": "7"}).reload))
    run.check("plain override", lambda: run.call(models.BoundNote({"id": "8"}).reload))
    run.check("base", lambda: run.call(models.Bound({"id": "9"}).reload))
