"""requests' ``verify=<CA bundle path>`` and ``cert=`` carried to httpx, run.

httpx deprecates a path as ``verify=`` and ``cert=`` (a DeprecationWarning: an
error here, as in any suite with ``filterwarnings = error``); the migrated
client gets one SSL context instead (``requests_tls``). The legacy and the
migrated code call an HTTPS server on 127.0.0.1 that trusts only client
certificates of its own CA: both must reach it with the bundle and the
certificate they are given, and both must fail without the certificate.
"""

from __future__ import annotations

import asyncio
import http.server
import json
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import trustme

from .harness import applied, imported_from

CODE = """\
import requests


def status(url, ca_bundle, client_cert=None):
    return requests.get(url, verify=ca_bundle, cert=client_cert, timeout=5).json()


class Client:
    def __init__(self, base, ca_bundle, client_cert):
        self.base = base
        self.session = requests.Session()
        self.session.verify = ca_bundle
        self.session.cert = client_cert

    def status(self):
        return self.session.get(self.base + "/status", timeout=5).json()
"""


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        peer = self.connection.getpeercert()  # type: ignore[attr-defined]
        subject = dict(item[0] for item in peer["subject"]) if peer else {}
        body = json.dumps({"path": self.path, "client": subject.get("commonName")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A CA, a server on 127.0.0.1 requiring a client certificate it signed, and files."""
    folder = tmp_path_factory.mktemp("pki")
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    client = ca.issue_cert("client@example.com", common_name="the-client")
    client.cert_chain_pems[0].write_to_path(str(folder / "client.pem"))
    client.private_key_pem.write_to_path(str(folder / "client.key"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca.configure_trust(context)
    context.verify_mode = ssl.CERT_REQUIRED
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {
        "url": f"https://127.0.0.1:{server.server_address[1]}",
        "ca": str(folder / "ca.pem"),
        "cert": str(folder / "client.pem"),
        "key": str(folder / "client.key"),
    }
    server.shutdown()
    server.server_close()


def _outcome(call: object) -> object:
    try:
        result = call() if callable(call) else call
        if asyncio.iscoroutine(result):
            result = asyncio.run(result)
        return result
    except (requests.RequestException, OSError) as error:
        return type(error).__name__
    except Exception as error:  # httpx's, which the legacy code never raises
        return f"httpx:{type(error).__name__}"


def test_a_ca_bundle_path_and_a_client_certificate_reach_the_server_alike(
    pki: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # requests lets these override a session's own verify= (psf/requests#3829).
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    legacy, migrated = tmp_path / "legacy", tmp_path / "migrated"
    legacy.mkdir()
    migrated.mkdir()
    (legacy / "api.py").write_text(CODE)
    written = applied(migrated, CODE)
    assert "cert=" not in written.replace("client_cert=", "")
    assert "requests_tls(" in written
    pair = (pki["cert"], pki["key"])
    outcomes = []
    for folder in (legacy, migrated):
        with imported_from(folder):
            import api  # type: ignore[import-not-found]

            outcomes.append(
                [
                    _outcome(lambda: api.status(pki["url"] + "/one", pki["ca"], pair)),
                    _outcome(lambda: api.status(pki["url"] + "/one", pki["ca"], pki["cert"] + "x")),
                    _outcome(lambda: api.Client(pki["url"], pki["ca"], pair).status()),
                ]
            )
    was, now = outcomes
    assert was[0] == {"path": "/one", "client": "the-client"}
    assert was[2] == {"path": "/status", "client": "the-client"}
    assert now[0] == was[0] and now[2] == was[2]
    # A certificate file that is not there fails both, before any request.
    assert was[1] == "OSError"
    assert now[1] in ("OSError", "FileNotFoundError")
