from quart import Quart

from .views import bp


def create_app() -> Quart:
    app = Quart(__name__)
    app.register_blueprint(bp)
    return app
