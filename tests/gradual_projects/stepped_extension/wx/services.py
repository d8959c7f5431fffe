from flask import current_app


def _client():
    return current_app.extensions["weather"]


def current(city):
    return _client().current(city)["temp"]


def compare(cities):
    return {city: current(city) for city in cities}
