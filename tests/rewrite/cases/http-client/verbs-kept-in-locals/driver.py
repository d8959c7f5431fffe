"""Request functions and a session's verbs kept in a local only ever called, on
their own or as the branches of a conditional (``post = self.session.post if
self.session else requests.post``), or read off a parameter its callers hand a
session (``get = session.get``): each call of the local is the verb's call,
awaited; requests' own functions are the methods of a client made for the
statements calling the local."""

ROUTES = {
    "POST push.example.com /messages": (200, {"status": 1, "request": "r1"}),
    "GET push.example.com /receipts/r1": (200, {"acknowledged": 1}),
    "GET push.example.com /receipts/nope": (404, {"errors": ["not found"]}),
    "GET push.example.com /limits": [(200, {"remaining": 7}), (429, {"errors": ["slow"]})],
}


def drive(run):
    notify = run.module("notify")
    notifier = notify.Notifier("t0k")
    run.check("send pooled", notifier.send, "hello")
    run.check("receipt", notifier.status, "r1")
    run.check("missing receipt", notifier.status, "nope")
    run.check("acknowledged", notifier.acknowledged, ["r1", "r1"])
    run.check("detach", notifier.detach)
    run.check("send alone", notifier.send, "again")
    run.check("limits", notify.limits, "t0k")
    run.check("limits exhausted", notify.limits, "t0k")
