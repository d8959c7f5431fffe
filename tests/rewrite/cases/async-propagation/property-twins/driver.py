"""A property that fetches, read also where no type says whose (``thing.version``
may be a Plugin's plain attribute; ``Hub().room(r).display_name`` reads what a
call gives, of no known type): it keeps a sync form for those readers, a
bridge to its async twin ``aversion``, which async code knowing the type awaits."""

ROUTES = {
    "GET ci.example.com /": (200, {}, {"X-Jenkins": "2.401"}),
    "GET chat.example.com /rooms/r1/members": (200, ["ann", "bob"]),
}


def drive(run):
    ci = run.module("ci")
    base = run.url("ci.example.com") + "/"
    run.check("modern, through the twin", lambda: ci.Jenkins(base).is_modern())
    run.check("a plugin's version", ci.describe, ci.Plugin({"version": "1.2"}))
    run.check("the server's version, through the property", ci.describe, ci.Jenkins(base))
    lobby = run.module("lobby")
    run.check("a named room's title", lobby.title, "r1", "lobby")
    run.check("a room titled by its members", lobby.title, "r1")
