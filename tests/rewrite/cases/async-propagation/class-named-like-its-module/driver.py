"""A class named like the module it is defined in and imported by its package
(``from .Droplet import Droplet`` in ``digi/__init__.py``, used as
``digi.Droplet``): the name is the class, and resolving it ends (it used to
recurse until Python gave up)."""

ROUTES = {
    "GET api.example.com /droplets": (200, [{"id": 7}, {"id": 8}]),
    "GET api.example.com /droplets/7": (200, {"id": 7, "name": "web"}),
}


def drive(run):
    manager = run.module("digi.Manager")
    run.check("first droplet, loaded", lambda: manager.Manager().first())
