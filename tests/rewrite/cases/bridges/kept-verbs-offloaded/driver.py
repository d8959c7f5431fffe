"""A method that stays sync (the request functions it calls are kept as values in
a table of verbs) is reached from one that becomes async (an override calls
requests directly): it runs on a worker thread, not on the event loop."""

ROUTES = {
    "GET droplets.example.com /droplets": (200, {"droplets": [{"name": "web"}, {"name": "db"}]}),
    "POST droplets.example.com /droplets": (200, {"created": True}),
    "GET droplets.example.com /missing": (404, {"error": "not found"}),
    "GET droplets.example.com /metadata/id": (200, {"id": 7}),
}


def drive(run):
    api = run.module("droplets.api")
    base = run.url("droplets.example.com")
    run.check("names", api.droplet_names, api.BaseAPI(base))
    run.check("created", api.BaseAPI(base).get_data, "/droplets", api.POST, {"name": "cache"})
    run.check("missing", api.BaseAPI(base).get_data, "/missing")
    run.check("metadata", api.Metadata(base).get_data, "/id")
