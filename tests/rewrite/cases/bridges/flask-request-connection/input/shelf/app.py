import requests
from flask import Flask, abort, current_app, jsonify
from flask.views import MethodView

from .catalog import cached_title
from .db import close_db, get_db


class Stock(MethodView):
    def get(self, isbn):
        title = cached_title(isbn)
        (n,) = get_db().execute("SELECT COUNT(*) FROM books").fetchone()
        return jsonify(title=title, known=n)


def title_only(isbn):
    title = cached_title(isbn)
    get_db().execute("UPDATE books SET title = upper(title) WHERE isbn = ?", (isbn,))
    get_db().commit()
    return jsonify(title=title)


def create_app(config):
    app = Flask(__name__)
    app.config.update(config)
    app.teardown_appcontext(close_db)
    app.add_url_rule("/stock/<isbn>", view_func=Stock.as_view("stock"))
    app.add_url_rule("/title/<isbn>", view_func=title_only)

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
