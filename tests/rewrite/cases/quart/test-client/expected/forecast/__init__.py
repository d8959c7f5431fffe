import quart


def create_app() -> quart.Quart:
    app = quart.Quart(__name__)

    @app.get("/forecast")
    async def forecast():
        return quart.jsonify(city=quart.request.args.get("city"))

    return app
