"""``worker = partial(f, a)`` right before ``pool.map(worker, xs)``: the pool runs
``f`` once per item, as ``pool.map(partial(f, a), xs)`` does; a gather now, with
the partial kept (its calls give f's coroutines), where it was handed to
partial() from async code with no way to await it."""

HOSTS = ("bulk",)
ROUTES = {
    "POST bulk /insert": (200, {"id": "job-1"}),
    "POST bulk /broken": (500, {"error": "down"}),
}


def drive(run):
    uploads = run.module("uploads")
    base = "http://bulk"
    chunks = [["a"], ["b", "c"], ["d"]]
    run.check("one at a time", lambda: uploads.Uploader(base).upload("insert", chunks[:1]))
    run.check("in a pool", lambda: uploads.Uploader(base).upload("insert", chunks, workers=3))
    run.check("failing", lambda: uploads.Uploader(base).upload("broken", chunks, workers=2))
