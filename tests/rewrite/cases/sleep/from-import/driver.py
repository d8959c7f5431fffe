"""sleep imported by name from time."""

ROUTES = {"GET api.example.com /ready": (200, {"ready": True})}


def drive(run):
    poll = run.module("poll")

    def ready(url):
        return run.call(poll.poll, url, 1) is not None

    run.check("ready at once", ready, run.url("api.example.com") + "/ready")
