"""Clients kept in a local list (``made.append(client)``, also from a function
nested in the one whose list it is, as a fixture's factory does) and looped
over later (``for c in made: c.close()``): each item is a Client, whose
methods became async, so the loop awaits them."""

ROUTES = {
    "GET api.example.com /a": (200, {"n": 1}),
    "GET api.example.com /b": (200, {"n": 2}),
}


def drive(run):
    clients = run.module("clients")
    base = run.url("api.example.com")
    run.check("counts", clients.counts, base, [1, 2])
    run.check("a sum over the clients a nested function made", clients.first_count, base)
