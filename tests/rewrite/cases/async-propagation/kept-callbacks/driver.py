"""A class keeping a function to call later (``SignedIn(self.sign_out)``, called in
its ``__exit__``): handed a function that becomes async, the method calling it
awaits it, and an ``__exit__`` so made async makes the class an async context
manager, entered with ``async with``."""

ROUTES = {
    "POST auth.example.com /signin": (200, {"token": "t1"}),
    "POST auth.example.com /signout": (200, {}),
    "GET auth.example.com /me": (200, {"name": "ada"}),
}


def drive(run):
    auth = run.module("auth")
    base = run.url("auth.example.com")
    run.check("who am I, signed in then out", auth.whoami, base, "ada")
