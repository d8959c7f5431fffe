"""The dashboard view: three fetches, then one of them failing."""

from flask import Flask

ROUTES = {
    "GET weather.example.com /": (200, {"temp": 21}),
    "GET events.example.com /": (200, {"events": ["fair"]}),
    "GET rates.example.com /": (200, {"rates": {"USD": 1.1}}),
}


def drive(run):
    app = Flask("case")
    app.register_blueprint(run.module("app.views").bp)
    client = app.test_client()

    def get(path):
        response = client.get(path)
        return response.status_code, response.get_json()

    run.check("dashboard", get, "/api/dashboard?city=Oslo")
    run.answer("GET events.example.com /", 500, {"error": "internal"})
    run.check("events down", get, "/api/dashboard")
