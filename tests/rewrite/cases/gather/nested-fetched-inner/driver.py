"""Nested loops whose inner list is fetched per outer item, with a total kept
across them: the inner fetches are gathered per outer item; the outer loop,
whose body then holds that gather, stays as it is on a second run too."""

ROUTES = {
    "GET gh.example.com /orgs/a/repos": (200, ["x", "y"]),
    "GET gh.example.com /orgs/b/repos": (200, ["z"]),
    "GET gh.example.com /repos/a/x/issues": (200, [1, 2]),
    "GET gh.example.com /repos/a/y/issues": (200, []),
    "GET gh.example.com /repos/b/z/issues": (200, [3]),
}


def drive(run):
    scanner = run.module("scanner")
    base = run.url("gh.example.com")
    run.check("issue counts", lambda: scanner.Scanner(base).issue_counts(["a", "b"]))
