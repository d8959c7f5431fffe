import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.errorhandler(requests.ConnectionError)
def unreachable(exc):
    return jsonify(error="unreachable"), 502


def unavailable(exc):
    return jsonify(error="unavailable"), 502


app.register_error_handler(requests.RequestException, unavailable)
app.register_error_handler(requests.Timeout, unavailable)
