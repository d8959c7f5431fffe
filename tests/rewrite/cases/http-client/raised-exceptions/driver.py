"""The project's own exceptions built on requests': raised with and without a
response, subclassed, inspected (``exc.response``), and caught again."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "Ada"}),
    "GET api.example.com /users/2": (404, {"error": "no such user"}),
    "GET api.example.com /users/3": (500, {"error": "internal"}),
    "GET api.example.com /users/4": (202, {"queued": True}),
    # An empty body: .json() fails (requests' JSONDecodeError is a RequestException).
    "GET api.example.com /users/5": (200, None),
}


def drive(run):
    users = run.module("users")
    for uid in range(1, 6):
        run.check(f"describe {uid}", users.describe, uid)
    run.check("check 1", users.check, 1)
    run.check("check 5", users.check, 5)
    run.check("check 3", users.check, 3)
    run.check("wait 1", users.wait, 1)
    run.check("wait 4", users.wait, 4)
