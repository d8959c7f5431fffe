import httpx
from flask import Flask


def on_timeout(exc: httpx.TimeoutException):
    return "timeout", 504


def init_app(app: Flask) -> None:
    app.register_error_handler(httpx.TimeoutException, on_timeout)
