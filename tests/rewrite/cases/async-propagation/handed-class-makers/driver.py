"""A function that makes an instance of the class it is handed
(``build(model_class, client, data)``): every call of it hands a class by
name, so its calls of the parameter make those classes (their constructors
get what it gives: the models' client is the Client, and
``self.client.get()`` is awaited), and what it returns is one of them
(``build(User, ...).refresh()`` is awaited, where it was a plain call left
un-awaited without a word; ``.update()``, a name dicts have too, is
awaited because the type is known, not by its name). Where a call hands a variable (``open_feed(kind,
...)``), what the maker returns stays of unknown type, and ``.entries()``,
a method only the project's feeds have, is awaited by its name."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "ada", "url": "/users/1"}),
    "GET api.example.com /users/2": (200, {"name": "bob", "url": "/users/2"}),
    "GET api.example.com /teams/1/members": (
        200,
        [{"url": "/users/1"}, {"url": "/users/2"}],
    ),
    "PUT api.example.com /users/2": (200, {"name": "rob", "url": "/users/2"}),
    "GET api.example.com /feed": (200, [{"title": "hello"}]),
}


def drive(run):
    api = run.module("api")
    base = run.url("api.example.com")
    run.check("user", api.user_name, base, "/users/1")
    run.check("missing user", api.user_name, base, "/users/9")
    run.check("rename", api.rename, base, "/users/2", "rob")
    run.check("members", api.member_names, base, "/teams/1")
    run.check("feed", api.entries, base, False)
    run.check("news feed", api.entries, base, True)
