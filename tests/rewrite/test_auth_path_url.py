"""An auth reading ``request.path_url`` signs the same request alike on both sides.

``case:http-client/auth-reads-path-url`` shows the rewrite
(``request.url.raw_path.decode("ascii")``); its driver compares the two
versions over loopback, which would agree as well if the auth had stayed on
requests. Here the auth classes themselves are run on a request each library
prepares from the same URL: the message and signature must match, and the
analysis must convert the class rather than keep it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import httpx
import pytest
import requests

from migrate.analyse.run import analyse_paths

CASE = Path(__file__).parent / "cases" / "http-client" / "auth-reads-path-url"


def _load(folder: str, name: str) -> ModuleType:
    sys.path.insert(0, str(CASE / folder))
    sys.modules.pop("_async_helpers", None)  # another case's, imported by another test
    try:
        spec = importlib.util.spec_from_file_location(name, CASE / folder / "client.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(CASE / folder))
        sys.modules.pop("_async_helpers", None)


URLS = [
    ("GET", "https://api.example.com/orders", {"page": "2", "q": "x y"}),
    ("GET", "https://api.example.com/orders/a%20b", None),
    ("POST", "https://api.example.com/v1/orders/", {"tag": "ä"}),
]


@pytest.mark.parametrize(("method", "url", "params"), URLS)
def test_the_migrated_auth_signs_what_the_legacy_one_signs(
    method: str, url: str, params: dict[str, str] | None
) -> None:
    legacy = _load("input", "legacy_path_url_client").SignatureAuth("k")
    migrated = _load("expected", "migrated_path_url_client").SignatureAuth("k")
    prepared = requests.Request(method, url, params=params).prepare()
    signed = legacy(prepared)
    flow = migrated.auth_flow(httpx.Request(method, url, params=params))
    sent = next(flow)
    assert sent.headers["X-Signed"] == signed.headers["X-Signed"]
    assert sent.headers["X-Signature"] == signed.headers["X-Signature"]


def test_the_auth_is_converted_not_kept() -> None:
    graph = analyse_paths([CASE / "input"]).graph
    assert "client.SignatureAuth" in graph.converted_auths
    assert graph.auth_refusals == {}
