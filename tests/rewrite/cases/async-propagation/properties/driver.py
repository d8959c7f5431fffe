"""Properties that fetch, read across modules; a cached one fetched once per instance."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "ann lee"}),
    "GET api.example.com /users/1/settings": (200, {"theme": "dark", "lang": "en"}),
    "GET api.example.com /users/2": (404, {"error": "no such user"}),
    "GET api.example.com /users/2/settings": (500, {"error": "down"}),
}


def drive(run):
    base = run.url("api.example.com")
    models = run.module("acct.models")
    views = run.module("acct.views")
    run.check("card", views.card, base, 1)
    run.check("card, no settings", views.card, base, 2)
    run.check("greeting", views.greeting, models.Account(base, 1))
    account = models.Account(base, 1)
    run.check("theme", account.theme)
    # The cached settings are not fetched again by the same instance.
    run.check("theme again", account.theme)
