"""A generator that returns a value stays sync (an async generator cannot
return one) and reaches the async code through async_to_sync, which raises on
a running loop. Async code reaching it through a sync function calls that
function on a worker thread (sync_to_async); async code iterating it takes
its items on a worker thread (thread_items): async_to_sync there hands the
coroutine back to the loop."""

ROUTES = {
    "GET code.example.com /users/ada": (200, {"name": "Ada"}),
    "GET code.example.com /repos/ada?page=1": (200, [{"name": "engine"}, {"name": "notes"}]),
    "GET code.example.com /repos/ada?page=2": (200, [{"name": "loom"}]),
    "GET code.example.com /repos/ada?page=3": (200, []),
    "GET code.example.com /users/nobody": (404, {"error": "none"}),
}


def drive(run):
    repos = run.module("repos")
    run.check("first repo", repos.first_repo, "ada")
    run.check("owner and first repo", repos.owner_and_first_repo, "ada")
    run.check("every repo", repos.every_repo, "ada")
    run.check("no such owner", repos.owner_and_first_repo, "nobody")
