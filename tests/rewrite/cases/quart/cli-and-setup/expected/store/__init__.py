from typing import Any

from quart import Quart

from . import clients, db


def create_app(config: dict[str, Any] | None = None) -> Quart:
    app = Quart(__name__)
    app.before_serving(clients.open_http)
    app.after_serving(clients.close_http)
    app.config.update(config or {})
    db.init_app(app)
    return app
