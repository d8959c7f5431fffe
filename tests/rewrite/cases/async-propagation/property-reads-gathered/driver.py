"""Independent reads of properties that fetch become calls gathered as calls are:
a second run, seeing them as calls, finds nothing more to change."""

ROUTES = {
    "GET api.example.com /info": (200, {"name": "wiki"}),
    "GET api.example.com /stats": (200, {"count": 7}),
}


def drive(run):
    site = run.module("site")
    base = run.url("api.example.com")
    run.check("report", lambda: site.Site(base).report())
    run.check("brief", lambda: site.Site(base).brief())
