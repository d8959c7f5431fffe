import requests
from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return requests.get("https://upstream.test", timeout=5).json()
