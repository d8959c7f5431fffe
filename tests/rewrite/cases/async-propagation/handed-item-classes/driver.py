"""A listing makes its items through the class its caller hands it
(``Listing(client, path, Order)``, kept in ``self.item_class`` and called as
``self.item_class(self.client, data)``, also from a subclass; a call handing
nothing gets the default, ``item_class=Model``). Every call
hands a class by name and the attribute is only called, so those calls are
where the models are made: each model's ``client`` is known to be the Client,
and ``self.client.get()`` in ``Model.refresh`` is awaited, where it was a
call the analysis could not tell (refused as a whole)."""

ROUTES = {
    "GET api.example.com /users": (
        200,
        [{"name": "ada", "url": "/users/1"}, {"name": "bob", "url": "/users/2"}],
    ),
    "GET api.example.com /users/1": (200, {"name": "ada lovelace", "url": "/users/1"}),
    "GET api.example.com /users/1/orders": (200, [{"total": 3}, {"total": 4}]),
    "GET api.example.com /users/2/orders": (200, []),
    "GET api.example.com /search?q=ada": (200, [{"name": "ada", "url": "/users/1"}]),
    "GET api.example.com /search?q=zed": (200, []),
    "GET api.example.com /search?q=bad": (200, [{"name": "bad", "url": "/users/9"}]),
}


def drive(run):
    api = run.module("api")
    base = run.url("api.example.com")
    run.check("names", api.user_names, base)
    run.check("order totals", api.order_totals, base)
    run.check("refreshed", api.refreshed_first, base, "ada")
    run.check("none found", api.refreshed_first, base, "zed")
    run.check("default class", api.raw_names, base)
    run.check("refresh fails", api.refreshed_first, base, "bad")
