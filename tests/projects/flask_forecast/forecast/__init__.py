"""Forecast: a small Flask app over an upstream weather API."""

from flask import Flask


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(WEATHER_URL="https://weather.example.com", WEATHER_TIMEOUT=5)
    if test_config is not None:
        app.config.from_mapping(test_config)

    from . import views

    app.register_blueprint(views.bp)
    return app
