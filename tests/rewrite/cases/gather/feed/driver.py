"""The feed view: a user, who they follow, then one post per followed user."""

from flask import Flask

ROUTES = {
    "GET social.example.com /users/1": (200, {"id": 1, "name": "ann"}),
    "GET social.example.com /users/1/following": (200, [2, 3, 4]),
    "GET social.example.com /users/2/latest": (200, {"id": 20, "posted_at": 5}),
    "GET social.example.com /users/3/latest": (200, {"id": 30, "posted_at": 9}),
    "GET social.example.com /users/4/latest": (200, {"id": 40, "posted_at": 1}),
}


def drive(run):
    app = Flask("case")
    app.register_blueprint(run.module("app.views").bp)
    client = app.test_client()

    def get(path):
        response = client.get(path)
        return response.status_code, response.get_json()

    run.check("feed", get, "/api/feed/1")
    run.answer("GET social.example.com /users/3/latest", 500, {"error": "internal"})
    run.check("one post missing", get, "/api/feed/1")
