"""Instances of subclasses handed to another module's class (``Handler(self)`` in
``TicketApi.close``, never naming ``BaseApi``), which calls the base's
``_delete`` that becomes async: that module is read and its call awaited
(``_delete`` is also a private name of ``threading.Thread``, so the module is
not found by the method's name)."""

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
