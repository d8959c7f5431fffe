"""A family of classes handing a site to each other: through *args, a class a
method returns, a subscript; pages fetching when made, and a subclass whose
constructor takes other parameters gets its own ``create``."""

ROUTES = {
    "GET wiki.example.com /api/page?title=Main": (200, {"title": "Main"}),
    "GET wiki.example.com /api/page?title=Logo.png": (200, {"size": 512}),
    "GET wiki.example.com /api/history?limit=50&title=Main": (200, {"items": ["r1", "r2"]}),
    "GET wiki.example.com /api/history?limit=50&title=Logo.png": (200, {"items": ["r3"]}),
    "GET wiki.example.com /api/usage?limit=50&title=Logo.png": (200, {"items": ["Main"]}),
    "GET wiki.example.com /api/recent?limit=3": (200, {"items": ["Main", "Logo.png"]}),
}


def drive(run):
    api = run.module("wiki.api")
    run.check("page through a subscript", api.page_info, "Main")
    run.check("image through a subscript", api.image_size, "Logo.png")
    run.check("history", api.history, "Main")
    run.check("history of an image picked by a subscript", api.image_history, "Logo.png")
    run.check("image usage", api.image_usage, "Logo.png")
    run.check("recent, site handed on through *args", api.recent)
    run.check("a subclass taking other parameters", api.thumbnail_width, "Logo.png", 128)
    run.answer("GET wiki.example.com /api/page?title=Main", 404, {"error": "missing"})
    run.check("missing page", api.page_info, "Main")
