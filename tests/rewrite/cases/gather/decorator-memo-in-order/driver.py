"""Calls of a function memoised by a decorator the project writes (its
wrapper fills a dict the decorator closes over) keep their order: run
together, an author repeated in the commits would miss the cache and be
fetched again."""

ROUTES = {
    "GET gh.example.com /users/ann": (200, {"name": "Ann"}),
    "GET gh.example.com /users/bob": (200, {"name": "Bob"}),
}


def drive(run):
    api = run.module("people.api")
    base = run.url("gh.example.com")
    commits = [{"author": "ann"}, {"author": "bob"}, {"author": "ann"}, {"author": "ann"}]
    run.check("authors, each fetched once", api.commit_authors, base, commits)
