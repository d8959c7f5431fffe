import httpx
from asgiref.sync import sync_to_async
from flask import current_app

from ._async_helpers import TLS_CONTEXT
from .db import get_db

get_db_async = sync_to_async(get_db)


async def fetch_title(isbn):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            f"{current_app.config['UPSTREAM']}/books/{isbn}", timeout=5
        )
    if response.status_code == 404:
        return None
    if response.is_error:
        response.raise_for_status()
    return response.json()["title"]


async def cached_title(isbn):
    db = await get_db_async()
    row = await sync_to_async(
        lambda: db.execute("SELECT title FROM books WHERE isbn = ?", (isbn,)).fetchone()
    )()
    if row is not None:
        return row[0]
    title = await fetch_title(isbn)
    if title is not None:
        await sync_to_async(db.execute)(
            "INSERT INTO books VALUES (?, ?)", (isbn, title)
        )
        await sync_to_async(db.commit)()
    return title
