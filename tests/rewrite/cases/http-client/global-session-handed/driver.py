"""A module-global session only handed to a function that calls it: it becomes a
client with that function (it stayed a requests.Session whose response was awaited)."""

ROUTES = {
    "GET api.example.com /status": (200, {"ok": True}),
}


def drive(run):
    status = run.module("status")
    run.check("status", status.status)
    run.check("status again", status.status)
