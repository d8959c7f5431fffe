"""A function that becomes async handing a callback that becomes async to a
sync API outside the project, which calls it before returning (a compiled
pattern's ``sub`` with a function as the replacement, ``min(key=)``):
async_to_sync cannot run on the event loop's thread, so the API runs on a
worker thread (``sync_to_async``) and the callback, bridged with
``async_to_sync``, comes back to the loop for each call. Same text, same
requests, and a failing fetch still raises from the call."""

ROUTES = {
    "GET people.example.com /users/1": (200, {"name": "ada"}),
    "GET people.example.com /users/2": (200, {"name": "bob"}),
    "GET people.example.com /users/3": (200, {"name": "al"}),
    "GET people.example.com /users/4": (404, {"error": "gone"}),
}


def drive(run):
    mentions = run.module("mentions")
    post = {"author": 1, "text": "thanks @2 and @3, cc @2"}
    run.check("render", mentions.render, post)
    run.check("render, a mention gone", mentions.render, {"author": 2, "text": "hi @4"})
    run.check("render, no mention", mentions.render, {"author": 3, "text": "hi all"})
    run.check("first by name", mentions.first_by_name, post)
    run.check("first by name, none", mentions.first_by_name, {"author": 1, "text": "x"})
