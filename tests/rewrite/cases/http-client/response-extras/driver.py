"""Response extras: ``.cookies.get_dict()`` -> ``dict(.cookies)`` (a response's and a
session's), ``.ok`` unbracketed in a display, and ``apparent_encoding``, which
httpx's response lacks: the helper ``apparent_encoding(r)`` guesses it with
charset_normalizer, as requests did (a page sent with no charset)."""

ROUTES = {
    "GET items.example.com /items/1": (
        200,
        {"id": 1},
        {"Set-Cookie": "sid=s1; Path=/", "Content-Type": "application/json; charset=utf-8"},
    ),
    "GET items.example.com /items/9": (404, {"error": "missing"}),
    "GET items.example.com /page": (
        200,
        "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, d\u00e9j\u00e0 vu \u00e0 la fran\u00e7aise.".encode(
            "cp1252"
        ),
        {"Content-Type": "text/plain"},
    ),
}


def drive(run):
    base = run.url("items.example.com")
    items = run.module("items")
    run.check("info", items.info, f"{base}/items/1")
    run.check("info, missing", items.info, f"{base}/items/9")
    run.check("a session's cookies", items.session_cookies, f"{base}/items/1")
    run.check("charset guessed", items.guess, f"{base}/items/1")
    run.check("a page read with its guessed charset", items.page_text, f"{base}/page")
