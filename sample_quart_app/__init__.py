"""A synchronous Flask app, written the way teams wrote them before asyncio.

It is the toolkit's built-in migration target: ``migrate apply`` turns a copy
of it into an async app that must behave exactly the same. Imports inside the
package are relative so that a copy works under any package name.
"""

from __future__ import annotations

from typing import Any

from quart import Quart

from . import db, errors, settings, upstream
from .views import dashboard, export, feed, orders, reports, search


def create_app(config: dict[str, Any] | None = None) -> Quart:
    """Application factory: default settings, then ``config`` on top."""
    app = Quart(__name__)
    app.before_serving(upstream.open_session)
    app.after_serving(upstream.close_session)
    app.config.from_object(settings)
    app.config.from_prefixed_env("SAMPLE")
    if config:
        app.config.update(config)

    db.init_app(app)
    errors.init_app(app)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(feed.bp)
    app.register_blueprint(orders.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(export.bp)
    return app
