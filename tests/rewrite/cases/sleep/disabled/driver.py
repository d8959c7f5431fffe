"""MIG002 off: the sleep stays time.sleep, the poll still works."""

# The rule that would await the sleep is turned off.
BLOCKS = {"time.sleep on a running loop": "MIG002 disabled"}

ROUTES = {"GET api.example.com /ready": [(503, None), (200, {"ready": True})]}


def drive(run):
    poll = run.module("poll")
    run.check("ready after one retry", poll.wait_until_ready, run.url("api.example.com") + "/ready")
