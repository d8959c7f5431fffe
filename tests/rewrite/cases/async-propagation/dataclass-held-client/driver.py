"""A dataclass keeping the client that made it in a field annotated ``Any``:
the __init__ the dataclass gets sets the field from what its callers give
(the client), so the model's calls through it are awaited."""

ROUTES = {
    "GET api.example.com /projects/1": [(200, {"id": 1, "name": "loom"}), (200, {"id": 1, "name": "loom2"})],
    "GET api.example.com /projects/1/owner": (200, {"login": "ada"}),
    "GET api.example.com /projects/2": (404, {"error": "no such project"}),
    "GET api.example.com /teams/core/members": (200, [{"login": "ada"}, {"login": "bob"}]),
}


def drive(run):
    models = run.module("models")
    client = models.Client(run.url("api.example.com"))

    def refreshed(pid):
        project = run.call(client.project, pid)
        before = project.name
        return before, run.call(project.refresh).name, run.call(project.owner)

    run.check("fetched, refreshed, its owner", refreshed, 1)
    run.check("missing", client.project, 2)
    run.check("a team's members", lambda: run.call(client.team("core").members))
