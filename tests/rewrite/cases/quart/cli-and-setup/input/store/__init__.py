from typing import Any

from flask import Flask

from . import clients, db


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(config or {})
    db.init_app(app)
    return app
