"""A `with` of several items: two responses, a response and a file either way round,
a client class of ours that became an async context manager and a response."""

import os
import tempfile

ROUTES = {
    "GET api.example.com /users/7": (200, {"id": 7, "name": "Ada"}),
    "GET api.example.com /users/8": (200, {"id": 8, "name": "Grace"}),
    "GET api.example.com /users/404": (404, {"error": "no such user"}),
}


def drive(run):
    compare = run.module("compare")
    path = os.path.join(tempfile.mkdtemp(), "user.json")
    run.check("both", compare.both_users, 7, 8)
    run.check("both, second missing raises", compare.both_users, 7, 404)
    run.check("saved", compare.save_user, 8, path)
    run.check("saved, missing raises", compare.save_user, 404, path)
    run.check("copied", compare.copy_to, path, 7)
    run.check("copied, missing raises", compare.copy_to, path, 404)
    run.check("checked", compare.checked_user, 7)
    run.check("checked, missing raises", compare.checked_user, 404)
    run.check("twice", compare.user_twice, 8)
    run.check("twice, missing raises", compare.user_twice, 404)
