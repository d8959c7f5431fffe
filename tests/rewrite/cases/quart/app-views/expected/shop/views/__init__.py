from collections.abc import AsyncIterator

from quart import Blueprint, Response, jsonify, make_response, render_template, request, stream_with_context

from ..catalog import fetch_page, fetch_product

bp = Blueprint("shop", __name__)


@bp.get("/products/<sku>")
async def product(sku: str):
    item = await fetch_product(sku)
    return await render_template("product.html", item=item)


@bp.post("/cart")
async def add_to_cart():
    payload = await request.get_json(silent=True) or {}
    note = (await request.form).get("note", "")
    return jsonify(
        sku=payload.get("sku"), note=note, fields=sorted(await request.values)
    )


@bp.get("/health")
def health():
    return jsonify(ok=True)


@bp.get("/export.csv")
def export():
    async def rows(first: str) -> AsyncIterator[str]:
        url = first
        while url:
            page = await fetch_page(url)
            for item in page["rows"]:
                yield item
            url = page["next"]

    return Response(stream_with_context(rows)("/v1/page/1"), mimetype="text/csv")


@bp.errorhandler(404)
async def not_found(error):
    response = await make_response(jsonify(error="not found"), 404)
    return response


# TODO(migrate MIG011): body_size uses what Quart made awaitable;
#   make it async and await it
def body_size() -> int:
    return len(request.get_data())
