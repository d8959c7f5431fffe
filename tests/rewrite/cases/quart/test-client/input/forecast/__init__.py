import flask


def create_app() -> flask.Flask:
    app = flask.Flask(__name__)

    @app.get("/forecast")
    async def forecast():
        return flask.jsonify(city=flask.request.args.get("city"))

    return app
