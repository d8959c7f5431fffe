"""A base class paging through whatever list function it is handed; the library
hands it its own fetching method, a test a fake made by a fixture's closure
(``client_constructor(pages)`` makes a subclass instance). The fake's method
becomes async with the library's, the tests await the pages (they ran a
coroutine before: the fixture's type was not followed); the case's own tests
run before and after too."""

ROUTES = {
    "GET api.example.com /users?page=1": (200, {"items": [1, 2], "next": 2}),
    "GET api.example.com /users?page=2": (200, {"items": [3], "next": 0}),
    "GET api.example.com /users?page=1&role=admin": (200, {"items": [9], "next": 0}),
}


def drive(run):
    pages = run.module("pages")
    users = run.call(pages.Users)
    run.check("all", users.get_all)
    run.check("admins", users.get_all, "admin")
    run.check("first", users.get_first)
