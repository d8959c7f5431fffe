"""A constructor that logs in and sets the session's header from the response:
the header line stays after the login (it reads the response), and the client
a later event loop makes starts from the one it set up."""

HOSTS = ("x",)
ROUTES = {
    "POST x /login": [(200, {"token": "t1"}), (401, {"error": "no"})],
    "GET x /me": (200, {"name": "bot"}),
}


def drive(run):
    api = run.module("api")
    run.check("log in, then who am I", api.whoami, "bot", "pw")
    run.check("wrong password", api.whoami, "bot", "bad")
    run.answer("POST x /login", 200, {"token": "t2"})
    client = run.call(api.connect, "bot", "pw")
    # Each check runs on a new event loop, as each Flask request does.
    run.check("who am I, on the next loop", client.me)
    run.check("and the one after", client.me)
