"""A loop over a parameter that may be read only once is listed first, to be
read again with the results; the list gets a name of its own where the
function goes on using the parameter (``repos.sort(...)`` on the caller's
list), which ``repos = list(repos)`` would have left unsorted."""

ROUTES = {
    "GET gh.example.com /repos/a": (200, {"stars": 1}),
    "GET gh.example.com /repos/b": (200, {"stars": 7}),
    "GET gh.example.com /repos/c": (200, {"stars": 4}),
}


def drive(run):
    ranking = run.module("ranking")
    base = run.url("gh.example.com")

    def ranked():
        repos = [{"name": "a"}, {"name": "b"}, {"name": "c"}]
        run.call(ranking.rank, base, repos)
        return repos

    run.check("the caller's list, filled in and sorted", ranked)
