from collections.abc import Iterator

from asgiref.sync import async_to_sync
from flask import Blueprint, Response, jsonify, make_response, render_template, request, stream_with_context

from ..catalog import fetch_page, fetch_product

bp = Blueprint("shop", __name__)


@bp.get("/products/<sku>")
async def product(sku: str):
    item = await fetch_product(sku)
    return render_template("product.html", item=item)


@bp.post("/cart")
def add_to_cart():
    payload = request.get_json(silent=True) or {}
    note = request.form.get("note", "")
    return jsonify(sku=payload.get("sku"), note=note, fields=sorted(request.values))


@bp.get("/health")
def health():
    return jsonify(ok=True)


@bp.get("/export.csv")
def export():
    def rows(first: str) -> Iterator[str]:
        url = first
        while url:
            page = async_to_sync(fetch_page)(url)
            yield from page["rows"]
            url = page["next"]

    return Response(stream_with_context(rows("/v1/page/1")), mimetype="text/csv")


@bp.errorhandler(404)
def not_found(error):
    response = make_response(jsonify(error="not found"), 404)
    return response


def body_size() -> int:
    return len(request.get_data())
