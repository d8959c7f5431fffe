"""A client class whose close() and __exit__ stay sync (closing() and with in click commands)."""

ROUTES = {
    "GET api.example.com /users/7": (200, {"id": 7, "name": "Ada"}),
    "GET api.example.com /users/8": (200, {"id": 8, "name": "Grace"}),
    "GET api.example.com /users/404": (404, {"error": "no such user"}),
}


def drive(run):
    cli = run.module("app.cli")
    run.check("names", cli.names.callback, (7, 8))
    run.check("names, missing raises", cli.names.callback, (7, 404))
    run.check("show", cli.show.callback, 8)
    run.check("show, missing raises", cli.show.callback, 404)
    run.check("total", cli.total_ids, [7, 8])
    run.check("total, missing raises", cli.total_ids, [404, 7])
