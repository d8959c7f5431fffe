import sqlite3

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
    def close_request(exc):
        g.wx.close()
        g.db.close()

    @app.get("/now/<city>")
    def now(city):
        reading = g.wx.current(city)
        g.db.execute("INSERT INTO seen VALUES (?, ?)", (city, reading["temp"]))
        g.db.commit()
        return jsonify(reading)

    @app.get("/seen")
    def seen():
        rows = g.db.execute("SELECT city, temp FROM seen ORDER BY rowid").fetchall()
        return jsonify([list(row) for row in rows])

    return app
