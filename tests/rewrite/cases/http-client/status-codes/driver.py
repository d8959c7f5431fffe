"""``requests.codes.<name>`` becomes ``httpx.codes.<name>`` where httpx's codes
have the name (with the same value); a name only requests knows keeps requests."""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (404, {}),
    "GET api.example.com /items/3": (500, {}),
    "POST api.example.com /coffee": (418, {}),
}


def drive(run):
    api = run.module("api")
    run.check("found", api.item, 1)
    run.check("not found", api.item, 2)
    run.check("error", api.item, 3)
    run.check("teapot", api.brew)
