import json

import requests
from flask import Flask, jsonify, request

BASE = "https://stock.example.com"

app = Flask(__name__)


def upstream_unavailable(exc):
    return jsonify(error="upstream unavailable"), 502


app.register_error_handler(requests.RequestException, upstream_unavailable)


@app.get("/stock/<sku>")
def stock(sku):
    return jsonify(requests.get(f"{BASE}/stock/{sku}", timeout=5).json())


@app.post("/orders")
def create_order():
    order = json.loads(request.get_data(as_text=True))
    level = requests.get(f"{BASE}/stock/{order['sku']}", timeout=5).json()
    return jsonify(sku=order["sku"], available=level["count"])
