import requests
from flask import Flask, abort, current_app, jsonify

from .catalog import cached_title
from .db import close_db, get_db


def create_app(config):
    app = Flask(__name__)
    app.config.update(config)
    app.teardown_appcontext(close_db)

    @app.get("/books/<isbn>")
    def book(isbn):
        title = cached_title(isbn)
        if title is None:
            abort(404)
        return jsonify(isbn=isbn, title=title)

    @app.post("/refresh/<isbn>")
    def refresh(isbn):
        db = get_db()
        (known,) = db.execute("SELECT COUNT(*) FROM books WHERE isbn = ?", (isbn,)).fetchone()
        response = requests.get(f"{current_app.config['UPSTREAM']}/books/{isbn}", timeout=5)
        response.raise_for_status()
        db.execute("INSERT OR REPLACE INTO books VALUES (?, ?)", (isbn, response.json()["title"]))
        db.commit()
        return jsonify(isbn=isbn, known=bool(known))

    @app.get("/count")
    def count():
        (n,) = get_db().execute("SELECT COUNT(*) FROM books").fetchone()
        return jsonify(count=n)

    return app
