"""A module whose session stays on requests (a caller may swap in a session
of its own, which the migration cannot convert) keeps catching requests'
errors, while another module's calls move to httpx."""

ROUTES = {
    "GET api.example.com /version": (200, {"version": "4.6"}),
}


def drive(run):
    api = run.module("api")
    probe = run.module("probe")
    url = run.url("api.example.com")
    run.check("version", lambda: api.Api(url + "/version").version())
    run.check("version, nothing listening", lambda: api.Api("http://127.0.0.1:9/").version())
    run.check("status", probe.status, url + "/version")
    run.check("status, nothing listening", probe.status, "http://127.0.0.1:9/")
