"""Instances of two subclasses of one base handed to the same parameter
(``Handler(self)`` in ``TicketApi`` and in ``UserApi``): the attribute holding
it is a ``BaseApi``, so ``self.api.delete(...)``, a name too common to be
taken for the project's by name, is the base's method, which becomes async:
awaited. The module calling it never names a class of the project's."""

HOSTS = ("zen",)
ROUTES = {
    "DELETE zen /tickets/5": (204, None),
    "DELETE zen /users/3": (404, {"error": "no such user"}),
}


def drive(run):
    api = run.module("zen.api")
    base = "http://zen"
    run.check("ticket closed", lambda: api.Zen(base).tickets.close(5))
    run.check("user banned", lambda: api.Zen(base).users.ban(3))
