"""A method that sets its receiver's attributes keeps the calls reading them after it."""

ROUTES = {
    "GET wiki.example.com /api/site": (200, {"name": "example"}),
    "GET wiki.example.com /api/page?site=example&title=Main": (200, {"text": "Welcome"}),
    "GET wiki.example.com /api/page?site=example&title=Help": (200, {"text": "Ask"}),
}


def drive(run):
    wiki = run.module("wiki")
    run.check("page after connecting", lambda: wiki.Wiki().open_page("Main"))
    run.check("two pages after connecting", wiki.two_pages, "Main", "Help")
