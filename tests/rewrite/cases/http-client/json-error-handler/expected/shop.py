import json

import httpx
from flask import Flask, jsonify, request

from _async_helpers import TLS_CONTEXT

BASE = "https://stock.example.com"

app = Flask(__name__)


def upstream_unavailable(exc):
    return jsonify(error="upstream unavailable"), 502


app.register_error_handler(httpx.HTTPError, upstream_unavailable)
app.register_error_handler(httpx.InvalidURL, upstream_unavailable)
app.register_error_handler(json.JSONDecodeError, upstream_unavailable)


@app.get("/stock/<sku>")
async def stock(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return jsonify((await http_client.get(f"{BASE}/stock/{sku}", timeout=5)).json())


@app.post("/orders")
async def create_order():
    order = json.loads(request.get_data(as_text=True))
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        level = (await http_client.get(f"{BASE}/stock/{order['sku']}", timeout=5)).json()
    return jsonify(sku=order["sku"], available=level["count"])
