import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from items import fetch_item


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        status, body = self.server.routes[self.path]()
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Upstream:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.routes = {}
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def route_fn(self, path, fn):
        self.httpd.routes[path] = fn

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, args=(0.01,), daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def upstream():
    with Upstream() as up:
        yield up


@pytest.mark.asyncio
async def test_item(upstream):
    upstream.route_fn("/items/a", lambda: (200, {"n": 1}))
    assert await fetch_item(upstream.url, "a") == {"n": 1}


@pytest.mark.asyncio
async def test_slow_upstream_times_out(upstream):
    def slow():
        time.sleep(0.5)
        return 200, {"n": 1}

    upstream.route_fn("/items/slow", slow)
    with pytest.raises(httpx.ReadTimeout):
        await fetch_item(upstream.url, "slow", timeout=0.1)


@pytest.mark.asyncio
async def test_served_item():
    assert await fetch_item("https://example.com", "b") == {"n": 2}
