import json

import httpx
from flask import Flask, jsonify

app = Flask(__name__)


@app.errorhandler(httpx.NetworkError)
@app.errorhandler(httpx.ConnectTimeout)
@app.errorhandler(httpx.WriteTimeout)
@app.errorhandler(httpx.RemoteProtocolError)
@app.errorhandler(httpx.ProxyError)
def unreachable(exc):
    return jsonify(error="unreachable"), 502


def unavailable(exc):
    return jsonify(error="unavailable"), 502


app.register_error_handler(httpx.HTTPError, unavailable)
app.register_error_handler(httpx.InvalidURL, unavailable)
app.register_error_handler(json.JSONDecodeError, unavailable)
app.register_error_handler(httpx.TimeoutException, unavailable)
