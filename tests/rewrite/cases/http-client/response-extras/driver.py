"""Response extras: ``.cookies.get_dict()`` -> ``dict(.cookies)`` (a response's and a
session's), ``.ok`` unbracketed in a display, and a TODO on ``apparent_encoding``,
which httpx's response lacks (the check that reads it is a known gap)."""

ROUTES = {
    "GET items.example.com /items/1": (
        200,
        {"id": 1},
        {"Set-Cookie": "sid=s1; Path=/", "Content-Type": "application/json; charset=utf-8"},
    ),
    "GET items.example.com /items/9": (404, {"error": "missing"}),
}
GAPS = {"charset guessed"}


def drive(run):
    base = run.url("items.example.com")
    items = run.module("items")
    run.check("info", items.info, f"{base}/items/1")
    run.check("info, missing", items.info, f"{base}/items/9")
    run.check("a session's cookies", items.session_cookies, f"{base}/items/1")
    run.check("charset guessed", items.guess, f"{base}/items/1")
