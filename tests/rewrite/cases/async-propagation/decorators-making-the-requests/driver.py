"""A decorator whose wrapper makes the request itself (through a method of the
instance, or requests directly) around methods that only name what to fetch:
the wrapper becomes async, and so do the methods it wraps (calling one runs
the wrapper), awaited by every caller."""

ROUTES = {
    "GET library.example.com /items": (200, [{"key": "a"}, {"key": "b"}]),
    "GET library.example.com /items/a": (200, {"title": "Dune"}),
    "GET library.example.com /items/b": (200, {"title": "Emma"}),
    "GET library.example.com /items/gone": (404, {"error": "gone"}),
    "GET library.example.com /collections": (200, [{"name": "novels"}]),
}


def drive(run):
    library = run.module("library")
    shelf = library.Library("k3y")
    run.check("items", shelf.items)
    run.check("count", shelf.count)
    run.check("collections", shelf.collections)
    run.check("titles", library.titles, shelf, ["a", "b"])
    run.check("a title missing", library.titles, shelf, ["a", "gone"])
