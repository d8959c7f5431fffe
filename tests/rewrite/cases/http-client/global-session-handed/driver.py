"""A module-global session, and an instance's, only handed to a function that calls
it: each becomes a client with that function (each stayed a requests.Session whose
response was awaited)."""

ROUTES = {
    "GET api.example.com /status": (200, {"ok": True}),
}


def drive(run):
    status = run.module("status")
    run.check("status", status.status)
    run.check("status again", status.status)
    api = run.call(status.Api)
    run.check("instance status", api.status)
