"""Sessions handed out by ``@contextmanager`` generators and taken through a
retry decorator's ``*args, **kwargs``: the generator that closes its session
becomes an ``@asynccontextmanager`` entered by ``async with`` (split from the
sync one entered in the same statement); one doing no I/O stays sync; the
``session=None`` parameter the decorated
function is given through the wrapper is typed from its callers, so its calls
are awaited."""

ROUTES = {
    "GET weather.example.com /api/current/oslo": (200, {"temp": 3}),
    "GET weather.example.com /api/current/rome": (200, {"temp": 20}),
    "GET weather.example.com /api/current/lima": [(503, {"error": "busy"}), (200, {"temp": 15})],
    "GET weather.example.com /api/current/nowhere": (404, {"error": "missing"}),
}


def drive(run):
    base = run.url("weather.example.com") + "/api/"
    api = run.module("forecast.api")
    run.check("one city", api.current, "oslo", base=base)
    run.check("through the context manager", api.forecast, ["oslo", "rome"], base)
    run.check("a retry", api.forecast, ["lima"], base)
    run.check("missing", api.forecast, ["oslo", "nowhere"], base)
    run.check("through an ExitStack", api.first_of, ["rome"], base)
