from flask import Blueprint, Flask, jsonify, request

from .weather import weather

bp = Blueprint("weather", __name__)


@bp.get("/temps")
async def temps():
    cities = request.args.get("cities", "oslo").split(",")
    return jsonify(await weather.several(cities))


def create_app(config):
    app = Flask(__name__)
    app.config.update(config)
    weather.init_app(app)
    app.register_blueprint(bp)
    return app
