"""Resources an SDK's managers make through a class attribute a subclass
overrides (``resource_class = User``, then ``self.resource_class(self, data)``):
the resource's methods reach the client through the manager it was given, so
they are awaited, and so are the calls made on what the managers return."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"id": 1, "name": "ada"}),
    "GET api.example.com /users/9": (404, {"error": "missing"}),
    "PUT api.example.com /users/1": (200, {"id": 1, "name": "grace"}),
    "GET api.example.com /projects": (200, [{"id": 5, "title": "old"}, {"id": 6, "title": "new"}]),
    "GET api.example.com /projects/5": (200, {"id": 5, "title": "engine"}),
    "GET api.example.com /projects/6": (200, {"id": 6, "title": "loom"}),
}


def drive(run):
    api = run.module("api")
    base = run.url("api.example.com")
    run.check("user name", api.user_name, base, 1)
    run.check("missing user", api.user_name, base, 9)
    run.check("renamed", api.renamed, base, 1, "grace")
    run.check("projects refreshed", api.refreshed_projects, base)
