import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
import requests
import responses
import respx
from asgiref.sync import sync_to_async

import api
from _async_helpers import through_requests
from legacy import LegacySession

PRICES = "https://prices.example.test"


@pytest.fixture(autouse=True)
def httpx_answered_as_requests():
    """api sends through httpx now, legacy still through requests: respx hands
    httpx's requests to this file's requests mocks, which answer and record both as
    before."""
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=through_requests)
        yield


@pytest.mark.asyncio
@responses.activate
async def test_both():
    responses.add(responses.GET, f"{PRICES}/a", json={"price": 3})
    responses.get("https://stock.example.test/a", json={"stock": 9})
    assert await api.price("a") == 3
    assert await sync_to_async(LegacySession().stock, thread_sensitive=False)("a") == 9
    assert len(responses.calls) == 2
    assert responses.calls[0].request.url == f"{PRICES}/a"


@pytest.mark.asyncio
@responses.activate
async def test_unknown_price():
    with pytest.raises(
        (
            requests.ConnectionError,
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        )
    ):
        await api.price("b")


@responses.activate
def test_unknown_stock():
    with pytest.raises(
        (
            requests.ConnectionError,
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        )
    ):
        LegacySession().stock("b")


@pytest.mark.asyncio
@responses.activate
async def test_signed_price_matched_by_its_header():
    responses.get(
        f"{PRICES}/a",
        json={"price": 4},
        match=[responses.matchers.header_matcher({"X-Api-Key": "k1"})],
    )
    assert await api.signed_price("a", "k1") == 4
    with pytest.raises(
        (
            requests.ConnectionError,
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        )
    ):
        await api.signed_price("a", "other")


class Prices(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"price": len(self.path)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_prices():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Prices)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.asyncio
async def test_a_real_server_on_this_machine(local_prices):
    # No requests mock here: the test talks to its own server, as before.
    assert await api.price_at(local_prices, "abc") == 4
