import sqlite3

from asgiref.sync import sync_to_async
from flask import Flask, current_app, g, jsonify

from .client import WeatherClient


def create_app(config):
    app = Flask(__name__)
    app.config.update(config)
    app.extensions["wx"] = WeatherClient(config["UPSTREAM"])

    @app.before_request
    def open_request():
        g.wx = WeatherClient(app.config["UPSTREAM"])
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.execute("CREATE TABLE IF NOT EXISTS seen (city TEXT, temp REAL)")

    @app.teardown_request
    async def close_request(exc):
        wx = g.pop("wx", None)  # the teardown Flask's docs show
        if wx is not None:
            await wx.aclose()
        await sync_to_async(g.db.close)()

    @app.get("/now/<city>")
    async def now(city):
        reading = await g.wx.current(city)
        await sync_to_async(g.db.execute)(
            "INSERT INTO seen VALUES (?, ?)", (city, reading["temp"])
        )
        await sync_to_async(g.db.commit)()
        return jsonify(reading)

    @app.get("/seen")
    def seen():
        rows = g.db.execute("SELECT city, temp FROM seen ORDER BY rowid").fetchall()
        return jsonify([list(row) for row in rows])

    @app.get("/shared/<city>")
    async def shared(city):
        wx = app.extensions["wx"]  # the app's own client, kept with its extensions
        return jsonify(await wx.current(city))

    @app.get("/current-app/<city>")
    async def through_current_app(city):
        return jsonify(await current_app.extensions["wx"].current(city))

    return app
