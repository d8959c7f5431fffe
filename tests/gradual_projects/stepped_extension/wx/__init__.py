from flask import Flask, jsonify

from .client import WeatherClient


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})
    app.extensions["weather"] = WeatherClient(app.config["WEATHER_URL"])

    from . import services

    @app.get("/compare")
    def compare():
        return jsonify(services.compare(["oslo", "rome"]))

    return app
