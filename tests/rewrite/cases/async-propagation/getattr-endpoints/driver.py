"""An API whose ``__getattr__`` makes an endpoint object per name (``api.users``,
``api.users.repos``): the endpoint's ``get`` becomes async, and so do the
callers reaching it through those attributes, each call awaited."""

ROUTES = {
    "GET hub.example.com /users?active=1": (200, [{"name": "ada"}, {"name": "lin"}]),
    "GET hub.example.com /users/repos?owner=ada": (200, [{"name": "engine"}]),
}


def drive(run):
    report = run.module("hub.report")
    run.check("summary", report.summary, run.url("hub.example.com"))
