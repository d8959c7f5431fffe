"""A session handed down from the client to the objects it makes (``OSF`` hands
its own to ``Project``, which hands ``self.session`` to each ``Storage``), read
through generator properties by code in another module that reaches the
project through what a factory and a method return. Every class's calls
become httpx calls on the one client, and the loops over ``project.storages``
and ``store.files`` become ``async for``; a reader stopping after the first
file asks for no second page."""

ROUTES = {
    "GET osf.example.com /projects/p1": (
        200,
        {"title": "Notes", "storages": "/projects/p1/storages"},
    ),
    "GET osf.example.com /projects/p1/storages": (
        200,
        {
            "items": [
                {"name": "osfstorage", "files": "/files/a?page=1"},
                {"name": "github", "files": "/files/b?page=1"},
            ]
        },
    ),
    "GET osf.example.com /files/a?page=1": (
        200,
        {"items": ["/a.txt", "/b.txt"], "next": "/files/a?page=2"},
    ),
    "GET osf.example.com /files/a?page=2": (200, {"items": ["/c.txt"], "next": None}),
    "GET osf.example.com /files/b?page=1": (200, {"items": ["/readme"], "next": None}),
    "GET osf.example.com /projects/gone": (404, {"error": "missing"}),
}
PACKAGE = "osf"


def drive(run):
    cli = run.module("osf.cli")
    base = run.url("osf.example.com")
    run.check("listing", cli.listing, base, "p1")
    run.check("first file, one page", cli.first_file, base, "p1", "osfstorage")
    run.check("first file, other storage", cli.first_file, base, "p1", "github")
    run.check("no such storage", cli.first_file, base, "p1", "dropbox")
    run.check("no such project", cli.listing, base, "gone")
