"""The Flask tutorial's connection in ``g`` (opened on first use, closed at
teardown), used by views that also fetch. Flask runs an async view's loop on
another thread: every use of the connection goes back to the request's thread."""

ROUTES = {
    "GET books.example.com /books/1": (200, {"title": "Dune"}),
    "GET books.example.com /books/2": (200, {"title": "Emma"}),
    "GET books.example.com /books/9": (404, {"error": "no such book"}),
}


def drive(run):
    shelf = run.module("shelf.app")
    database = run.root / "shelf.db"  # each version its own
    app = shelf.create_app({"UPSTREAM": run.url("books.example.com"), "DATABASE": str(database)})
    client = app.test_client()

    def call(method, path):
        response = client.open(path, method=method)
        return response.status_code, response.get_json(silent=True)

    run.check("miss, fetched", call, "GET", "/books/1")
    run.check("hit, from the database", call, "GET", "/books/1")
    run.check("unknown book", call, "GET", "/books/9")
    run.check("refresh", call, "POST", "/refresh/2")
    run.check("count", call, "GET", "/count")
    run.check("class-based view", call, "GET", "/stock/1")
    run.check("view added by add_url_rule", call, "GET", "/title/1")
    run.check("view added by add_url_rule, again", call, "GET", "/title/1")
    run.answer("GET books.example.com /books/2", 500, {"error": "down"})
    run.check("refresh, upstream down", call, "POST", "/refresh/2")
