"""A thread pool whose calls are taken as they complete, one of them failing:
leaving the ``with`` block (by the failure, a ``return`` or a ``break``) waited
for every submitted call, so every user was notified before the exception or
the result left. As a TaskPool the block still waits: the same POSTs reach
upstream, none cancelled."""

USERS = ["bad0", "ann", "bob", "cy", "dee", "eve", "fay", "gus"]
ROUTES = {
    "POST api.example.com /notify/bad0": (422, {"error": "bad user"}),
    **{f"POST api.example.com /notify/{u}": (201, {"id": f"n-{u}"}) for u in USERS[1:]},
    **{f"GET api.example.com /pages/{p}": (200, {"page": p}) for p in ("a", "b", "c", "d")},
    "GET api.example.com /pages/gone": (404, {"error": "gone"}),
}


def drive(run):
    notify = run.module("notify")
    base = run.url("api.example.com")
    run.check("one failure raised, every user notified", notify.notify_all, base, USERS)
    run.check("every user notified", notify.notify_all, base, USERS[1:])
    run.check("a return, every user notified", notify.any_notified, base, USERS[1:])
    run.check("a break, every user notified", notify.notified_until, base, USERS[1:], "ann")
    pages = run.module("pages")
    run.check("pages", pages.fetch_pages, base, ["a", "b", "c", "d"])
    run.check("a page missing", pages.fetch_pages, base, ["a", "gone", "b"])
