"""Classes standing in for each other with no base in common (a ``Remote``
whose ``call`` fetches, a ``Local`` whose ``call`` does not), one picked at
run time (``Remote(url) if url else Local()``) and called through a local or
a parameter, or kept in an attribute of an object each of them makes
(``self.shortcut = Shortcut(self)``, then ``self._backend.fetch(name)``): the
methods of that name become async as one group and each call is
awaited. Before, the plan only named the call (it cannot tell which), and the
code handed its caller a coroutine where the remote one was picked."""

ROUTES = {
    "GET status.example.com /status": (200, {"up": True}),
    "GET status.example.com /version": (200, {"v": 3}),
    "GET status.example.com /status?full=1": (200, {"up": True, "full": True}),
}


def drive(run):
    backends = run.module("backends")
    run.check("remote, through a parameter", backends.status)
    run.check("local, through a parameter", backends.status, False)
    run.check("remote, through a local", backends.version)
    run.check("local, through a local", backends.version, False)
    run.check("remote, through an attribute", backends.asked)
    run.check("local, through an attribute", backends.asked, False)
