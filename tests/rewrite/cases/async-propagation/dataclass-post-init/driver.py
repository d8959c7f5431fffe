"""A dataclass whose ``__post_init__`` fetches is made by an async factory that
runs the generated ``__init__``, then awaits the post-init; a subclass's
``super().__post_init__()`` follows."""

ROUTES = {
    "GET api.example.com /repos/ada/engine": (200, {"stars": 12}),
    "GET api.example.com /repos/bob/engine": (200, {"stars": 3, "parent": "ada/engine"}),
    "GET api.example.com /repos/ada/none": (404, {"error": "missing"}),
}


def drive(run):
    repo = run.module("repo")
    run.check("stars", repo.stars, "ada", "engine")
    run.check("parent of a fork", repo.parent_of, "bob", "engine")
    run.check("a missing repo", repo.stars, "ada", "none")
