import httpx
from flask import Flask

from _async_helpers import TLS_CONTEXT

app = Flask(__name__)


@app.get("/")
async def index():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get("https://upstream.test", timeout=5)).json()
