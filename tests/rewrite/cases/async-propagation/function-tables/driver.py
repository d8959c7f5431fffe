"""A table of functions (``COMMANDS = {"user": show_user, ...}``) called
through (``COMMANDS[command](base, name)``): a call of one of them, awaited
when they become async, the sync one among them made async with them."""

ROUTES = {
    "GET api.example.com /users/ada": (200, {"name": "Ada"}),
    "GET api.example.com /repos/loom": (200, {"stars": 12}),
    "GET api.example.com /repos/gone": (404, {"error": "no such repo"}),
}


def drive(run):
    tool = run.module("tool")
    base = run.url("api.example.com")
    run.check("user", tool.run, base, "user", "ada")
    run.check("repo", tool.run, base, "repo", "loom")
    run.check("repo, missing", tool.run, base, "repo", "gone")
    run.check("version", tool.run, base, "version", "tool")
    run.check("unknown command", tool.run, base, "nope", "x")
    run.check("all", tool.run_all, base, "ada")
