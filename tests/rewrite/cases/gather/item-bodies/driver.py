"""A loop body run per item: destructuring before the first call, a second call
that needs the first one's result, a caught failure that still adds a value;
and loops that must stay in order (a running total, a skipped item, a name read
after the loop)."""

REPOS = {"ada/engine": 12, "bob/loom": 7, "cy/press": 3}
ROUTES = {
    **{
        f"GET code.example.com /api/repos/{full}": (200, {"full_name": full, "stars": stars})
        for full, stars in REPOS.items()
    },
    **{
        f"GET code.example.com /api/repos/{full}/issues": (
            200,
            [{"title": f"{full} issue {n}"} for n in (1, 2)],
        )
        for full in REPOS
    },
    "GET code.example.com /api/repos/eve/gone": (404, {"error": "not found"}),
    "GET code.example.com /api/repos/bad/gateway": (502, {"error": "bad gateway"}),
}


def drive(run):
    board = run.module("board")
    every = ["ada/engine", "bob/loom", "cy/press"]
    for name in (
        "board",
        "leaders",
        "totals",
        "first_missing",
        "last_seen",
        "starred",
        "starred_names",
    ):
        run.check(name, getattr(board, name), every)
        run.check(
            f"{name}, one failing upstream",
            getattr(board, name),
            ["ada/engine", "bad/gateway", "cy/press"],
        )
    run.check(
        "board, one missing and an empty name",
        board.board,
        ["ada/engine", "", "eve/gone", "cy/press"],
    )
    run.check("leaders, one missing", board.leaders, ["ada/engine", "eve/gone"])
    run.check("first_missing, one skipped", board.first_missing, ["skip/x", "bob/loom"])
    run.check("starred, one skipped", board.starred, ["skip/x", "bob/loom", "cy/press"])
    run.check(
        "marked, one missing, one without a name",
        board.marked,
        ["ada/engine", "nobody", "eve/gone"],
    )
