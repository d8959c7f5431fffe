"""A conftest fixture made from another fixture's method (``return
gl.projects.get(1, lazy=True)``, python-gitlab's conftest): what that method is
annotated to return types the fixture, so tests calling methods through it
(``project.badges.list()``) await them. Before, the fixture's type was unknown
and those calls stayed un-awaited (``'coroutine' object has no attribute ...``);
the case's own tests run before and after."""

ROUTES = {
    "GET git.example.com /projects/1": (200, {"id": 1, "name": "toolkit"}),
    "GET git.example.com /projects/1/badges": (200, [{"id": 7, "name": "ci"}]),
    "DELETE git.example.com /projects/1/badges/7": (204, b""),
}


def drive(run):
    gitlab = run.module("gitlab_client")
    run.check("badges", gitlab.badge_names, 1)
