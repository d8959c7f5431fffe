"""CSV export of the whole catalogue, streamed page by page."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator

from quart import Blueprint, Response, stream_with_context

from ..upstream import fetch_products_page, service_url

bp = Blueprint("export", __name__)


@bp.get("/export/products.csv")
def export_products() -> Response:
    async def generate() -> AsyncIterator[str]:
        yield "sku,name,price_cents\r\n"
        url: str | None = service_url("catalog", "/v1/products?page=1")
        while url:
            page = await fetch_products_page(url)
            for item in page["items"]:
                buf = io.StringIO()
                csv.writer(buf).writerow([item["sku"], item["name"], item["price_cents"]])
                yield buf.getvalue()
            url = page["next"]

    return Response(
        stream_with_context(generate)(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=products.csv"},
    )
