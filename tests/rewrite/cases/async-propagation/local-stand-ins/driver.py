"""A local standing for a function (``fetch = api.call``, ``partial(get_json, base)``)
and only ever called: its calls are the function's, awaited once that becomes async
(gathered where they are independent); one handed on (``map(fetch, ...)``) keeps the
function behind a bridge."""

ROUTES = {
    "GET api.example.com /people/1": (200, {"name": "Ann Lee", "email": "a@x", "age": 30}),
    "GET api.example.com /people/2": (200, {"name": "Bob Ray", "email": "b@x", "age": 40}),
    "GET api.example.com /people/9": (404, {"error": "missing"}),
}


def drive(run):
    base = run.url("api.example.com")
    people = run.module("pk.people")
    run.check("partial in a comprehension", people.names, base, [1, 2])
    run.check("partial, one missing", people.names, base, [1, 9, 2])
    run.check("plain alias", people.first_name, base, 2)
    run.check("bound method alias in a loop", people.emails, people.Directory(base), [1, 2])
    run.check("partial of a method, untyped parameter", people.total_age, base, [1, 2])
    run.check("handed on to map", people.shouted, base, [1, 2])
    run.check("named by getattr", people.contact, people.Directory(base), 1)
    run.check("named by getattr, missing", people.contact, people.Directory(base), 9)
