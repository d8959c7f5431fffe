"""next() takes the first result: one request, before and after; none for no items."""

HOSTS = ("users",)
ROUTES = {
    **{f"GET users /v1/users/{i}": (200, {"id": i, "name": f"n{i}", "handle": f"h{i}"}) for i in range(1, 6)},
    "GET users /v1/users/99": (404, {"error": "missing"}),
}


def drive(run):
    users = run.module("users")
    run.check("first user", users.first_user, [2, 3, 4])
    run.check("first user missing", users.first_user, [99, 3])
    run.check("first name", users.first_name, "http://users", [4, 5])
    run.check("first active", users.first_active, "http://users", [0, 3, 5])
    run.check("first or none", users.first_or_none, [5, 1])
    run.check("first or none, no items", users.first_or_none, [])
    run.check("first two", users.first_two, [1, 2, 3])
    run.check("paired names", users.paired_names, ["a", "b"], [1, 2, 3])
    run.check("first two names", users.first_two_names, [3, 4, 5])
    run.check("first two names, one item", users.first_two_names, [2])
