import httpx
from asgiref.sync import sync_to_async
from flask import Flask, abort, current_app, jsonify
from flask.views import MethodView

from ._async_helpers import TLS_CONTEXT
from .catalog import cached_title
from .db import close_db, get_db

get_db_async = sync_to_async(get_db)


class Stock(MethodView):
    async def get(self, isbn):
        title = await cached_title(isbn)
        (n,) = await sync_to_async(
            lambda: get_db().execute("SELECT COUNT(*) FROM books").fetchone()
        )()
        return jsonify(title=title, known=n)


async def title_only(isbn):
    title = await cached_title(isbn)
    await sync_to_async(
        lambda: get_db().execute(
            "UPDATE books SET title = upper(title) WHERE isbn = ?", (isbn,)
        )
    )()
    await sync_to_async(lambda: get_db().commit())()
    return jsonify(title=title)


def create_app(config):
    app = Flask(__name__)
    app.config.update(config)
    app.teardown_appcontext(close_db)
    app.add_url_rule("/stock/<isbn>", view_func=Stock.as_view("stock"))
    app.add_url_rule("/title/<isbn>", view_func=title_only)

    @app.get("/books/<isbn>")
    async def book(isbn):
        title = await cached_title(isbn)
        if title is None:
            abort(404)
        return jsonify(isbn=isbn, title=title)

    @app.post("/refresh/<isbn>")
    async def refresh(isbn):
        db = await get_db_async()
        (known,) = await sync_to_async(
            lambda: db.execute(
                "SELECT COUNT(*) FROM books WHERE isbn = ?", (isbn,)
            ).fetchone()
        )()
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(
                f"{current_app.config['UPSTREAM']}/books/{isbn}", timeout=5
            )
        if response.is_error:
            response.raise_for_status()
        await sync_to_async(db.execute)(
            "INSERT OR REPLACE INTO books VALUES (?, ?)",
            (isbn, response.json()["title"]),
        )
        await sync_to_async(db.commit)()
        return jsonify(isbn=isbn, known=bool(known))

    @app.get("/count")
    def count():
        (n,) = get_db().execute("SELECT COUNT(*) FROM books").fetchone()
        return jsonify(count=n)

    return app
