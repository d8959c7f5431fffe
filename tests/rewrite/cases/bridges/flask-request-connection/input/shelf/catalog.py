import requests
from flask import current_app

from .db import get_db


def fetch_title(isbn):
    response = requests.get(f"{current_app.config['UPSTREAM']}/books/{isbn}", timeout=5)
    if response.status_code == 404:
        return None
    response.raise_for_status()
    return response.json()["title"]


def cached_title(isbn):
    db = get_db()
    row = db.execute("SELECT title FROM books WHERE isbn = ?", (isbn,)).fetchone()
    if row is not None:
        return row[0]
    title = fetch_title(isbn)
    if title is not None:
        db.execute("INSERT INTO books VALUES (?, ?)", (isbn, title))
        db.commit()
    return title
