import requests
from flask import Flask


def on_timeout(exc: requests.Timeout):
    return "timeout", 504


def init_app(app: Flask) -> None:
    app.register_error_handler(requests.Timeout, on_timeout)
