"""A session kept per thread (``threading.local``), made on first use by a factory
whose session is used where it is made: it stays on requests as a whole, with the
plan's reason (see tests/structures/test_session_factories.py), and behaves as before."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"id": 1}),
    "GET api.example.com /users/2": (200, {"id": 2}),
    "GET api.example.com /users/3": (200, {"id": 3}),
}


def drive(run):
    users = run.module("users")
    run.check("one user", users.get_user, 1)
    run.check("users from threads", users.get_users, [1, 2, 3])
