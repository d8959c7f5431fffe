"""A constructor that fetches and logs in: made by an async factory after migration."""

ROUTES = {
    "GET wiki.example.com /api/siteinfo": (200, {"name": "Example Wiki"}),
    "GET wiki.example.com /api/login?user=bot": (200, {"result": "Success"}),
    "GET wiki.example.com /api/login?user=mallory": (200, {"result": "Failed"}),
    "GET wiki.example.com /api/page?title=Main": (200, {"text": "Welcome"}),
}


def drive(run):
    pages = run.module("wiki.pages")
    run.check("site name", pages.site_name)
    run.check("main page", pages.main_page)
    run.check("logged in", pages.logged_in_as, "bot")
    run.check("login fails at construction", pages.logged_in_as, "mallory")
    run.answer("GET wiki.example.com /api/siteinfo", 503, {"error": "down"})
    run.check("site down at construction", pages.main_page)
