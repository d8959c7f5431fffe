import httpx
import requests
from asgiref.sync import async_to_sync
from flask import Flask, jsonify

from . import auth, catalog


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})

    @app.errorhandler(requests.HTTPError)
    @app.errorhandler(httpx.HTTPStatusError)
    def upstream_failed(exc):
        return jsonify(error="upstream", status=exc.response.status_code), 502

    @app.before_request
    def check_token():
        async_to_sync(auth.introspect)("tok")

    @app.get("/products/<int:pid>")
    def product(pid):
        return jsonify(catalog.get_product(pid))

    return app
