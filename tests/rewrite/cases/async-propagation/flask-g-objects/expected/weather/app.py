import sqlite3

from asgiref.sync import sync_to_async
from flask import Flask, g, jsonify

from .client import WeatherClient


def create_app(config):
    app = Flask(__name__)
    app.config.update(config)

    @app.before_request
    def open_request():
        g.wx = WeatherClient(app.config["UPSTREAM"])
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.execute("CREATE TABLE IF NOT EXISTS seen (city TEXT, temp REAL)")

    @app.teardown_request
    async def close_request(exc):
        await g.wx.aclose()
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

    return app
