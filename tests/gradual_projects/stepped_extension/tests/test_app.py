import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wx import create_app


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        data = json.dumps({"temp": len(self.path)}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def client():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield create_app({"WEATHER_URL": f"http://127.0.0.1:{srv.server_port}"}).test_client()
    srv.shutdown()
    srv.server_close()


def test_compare(client):
    assert client.get("/compare").get_json() == {"oslo": 13, "rome": 13}
