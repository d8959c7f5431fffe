"""requests-mock tests migrated to respx (MIG008), then run: they must pass as before.

One project holds a client and the tests that mock it, in every form the
rule converts (``with Mocker()``, the fixture, the decorator; registrations
by verb, ``request``/``register_uri``, ``ANY``; responses by keyword, as a
list, as an exception; the recorded calls). The project is migrated in this
process, and each test function runs before (sync, under requests-mock) and
after (awaited, under respx): each must pass both times. A test that only
passes because the mock answers anything would pass wrongly both times, so
each one also asserts what the client received. Forms respx has no twin for
get a TODO on their line and are left as they were.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests_mock
import respx

from .drivers import migrated_case
from .harness import imported_from, todos_above

CLIENT = """
    import requests


    def status(url):
        return requests.get(url, timeout=5).status_code


    def body(url):
        resp = requests.get(url, timeout=5)
        return resp.status_code, resp.text, resp.content, resp.headers.get("X-Id")


    def reason(url):
        return requests.get(url, timeout=5).reason


    def data(url):
        return requests.get(url, timeout=5).json()


    def send(method, url, payload):
        return requests.request(method, url, json=payload, timeout=5).status_code


    def signed(url):
        return requests.get(url, headers={"X-Token": "t"}, timeout=5).status_code
"""

TESTS = """
    import json

    import pytest
    import requests
    import requests_mock
    from requests import TooManyRedirects
    from requests.exceptions import ChunkedEncodingError, ReadTimeout

    import client

    URL = "https://api.test/items"
    # Not a string: the registrations' URLs are read past it.
    ATTEMPTS = 2


    def test_verbs_and_statuses():
        with requests_mock.Mocker() as m:
            m.get(URL, status_code=203)
            m.delete(URL, status_code=204)
            assert client.status(URL) == 203
            assert client.send("DELETE", URL, None) == 204
            assert m.called
            assert m.call_count == 2


    def test_registered_by_method_name():
        with requests_mock.Mocker() as m:
            m.request("GET", URL, status_code=201)
            m.register_uri("patch", URL, status_code=202)
            m.register_uri("PURGE", URL + "/cache", status_code=205)
            assert client.status(URL) == 201
            assert client.send("PATCH", URL, {"a": 1}) == 202
            assert client.send("PURGE", URL + "/cache", None) == 205


    def test_any_method():
        with requests_mock.Mocker() as m:
            m.register_uri(requests_mock.ANY, URL, status_code=206)
            assert client.status(URL) == 206
            assert client.send("PUT", URL, {}) == 206


    def test_any_url():
        with requests_mock.Mocker() as m:
            m.get(requests_mock.ANY, status_code=207)
            assert client.status(URL + "/elsewhere") == 207


    def test_no_reason_unless_one_is_given():
        with requests_mock.Mocker() as m:
            m.get(URL + "/down", status_code=503)
            assert not client.reason(URL + "/down")


    def test_mock_the_name_mocker_also_has():
        with requests_mock.mock() as m:
            m.get(URL, status_code=210)
            assert client.status(URL) == 210
            assert m.called


    def test_body_text_content_and_headers():
        with requests_mock.Mocker() as m:
            m.get(URL + "/text", text="hi", headers={"X-Id": "7"})
            m.get(URL + "/content", content=b"raw", status_code=226)
            assert client.body(URL + "/text") == (200, "hi", b"hi", "7")
            assert client.body(URL + "/content") == (226, "raw", b"raw", None)


    def test_json_and_reason():
        with requests_mock.Mocker() as m:
            m.get(URL, json={"n": [1, 2]})
            m.get(URL + "/pot", status_code=418, reason="Short And Stout")
            assert client.data(URL) == {"n": [1, 2]}
            assert client.reason(URL + "/pot") == "Short And Stout"


    def test_request_headers_and_complete_query():
        with requests_mock.Mocker() as m:
            m.get(URL, request_headers={"X-Token": "t"}, status_code=208)
            m.get("https://api.test/items?page=2", complete_qs=True, status_code=209)
            assert client.signed(URL) == 208
            assert client.status(URL + "?page=2") == 209


    def test_response_list():
        with requests_mock.Mocker() as m:
            m.get(URL, [{"json": {"n": 1}}, {"status_code": 503}])
            m.post(URL, response_list=[{"status_code": 201}, {"status_code": 409}])
            assert client.data(URL) == {"n": 1}
            assert client.status(URL) == 503
            assert client.send("POST", URL, {}) == 201
            assert client.send("POST", URL, {}) == 409


    def test_a_used_up_response_list_repeats_its_last_answer():
        with requests_mock.Mocker() as m:
            m.get(URL, [{"status_code": 201}, {"status_code": 503}])
            m.get(URL + "/down", [{"status_code": 200}, {"exc": requests.ConnectionError}])
            assert [client.status(URL) for _ in range(3)] == [201, 503, 503]
            assert client.status(URL + "/down") == 200
            for _ in range(2):
                with pytest.raises(requests.ConnectionError):
                    client.status(URL + "/down")


    def test_the_later_of_two_matching_registrations_answers():
        with requests_mock.Mocker() as m:
            m.get(requests_mock.ANY, status_code=500)
            m.get(URL, status_code=200)
            assert client.status(URL) == 200
            assert client.status(URL + "/other") == 500


    def test_exceptions():
        with requests_mock.Mocker() as m:
            m.get(URL + "/connect", exc=requests.exceptions.ConnectTimeout)
            m.get(URL + "/read", exc=ReadTimeout("slow"))
            m.get(URL + "/cut", exc=ChunkedEncodingError)
            m.get(URL + "/refused", exc=requests.ConnectionError)
            m.get(URL + "/redirects", exc=requests.TooManyRedirects)
            m.get(URL + "/proxy", exc=requests.exceptions.ProxyError)
            m.get(URL + "/tls", exc=requests.exceptions.SSLError)
            m.get(URL + "/other", exc=ValueError("bad"))
            m.get(URL + "/loops", exc=TooManyRedirects)
            with pytest.raises(requests.exceptions.ConnectTimeout):
                client.status(URL + "/connect")
            with pytest.raises(requests.Timeout):
                client.status(URL + "/read")
            with pytest.raises(requests.ConnectionError):
                client.status(URL + "/refused")
            with pytest.raises(requests.exceptions.ChunkedEncodingError):
                client.status(URL + "/cut")
            with pytest.raises(requests.TooManyRedirects):
                client.status(URL + "/redirects")
            with pytest.raises(requests.exceptions.ProxyError):
                client.status(URL + "/proxy")
            with pytest.raises(requests.ConnectionError):
                client.status(URL + "/proxy")
            with pytest.raises(requests.exceptions.SSLError):
                client.status(URL + "/tls")
            with pytest.raises(ValueError):
                client.status(URL + "/other")
            with pytest.raises(TooManyRedirects):
                client.status(URL + "/loops")


    def test_case_sensitive_paths():
        # respx matches paths as written, which is what case_sensitive=True asks for.
        with requests_mock.Mocker(case_sensitive=True) as m:
            m.get(URL + "/Caps", status_code=203)
            assert client.status(URL + "/Caps") == 203


    def test_recorded_requests():
        with requests_mock.Mocker() as m:
            route = m.post(URL, status_code=201)
            assert client.send("POST", URL + "?Page=2", {"a": 1}) == 201
            assert route.called_once
            assert m.last_request.method == "POST"
            assert m.last_request.json() == {"a": 1}
            assert m.last_request.query == "page=2"
            assert m.last_request.qs == {"page": ["2"]}
            assert m.last_request.netloc == "api.test"
            assert m.last_request.hostname == "api.test"
            assert m.last_request.scheme == "https"
            assert m.last_request.path == "/items"
            assert [r.method for r in m.request_history] == ["POST"]
            assert sum(1 for r in m.request_history if r.path == "/items") == 1
            assert len(m.request_history) == 1
            assert m.request_history[0].url == URL + "?Page=2"
            for request in route.request_history:
                assert json.loads(request.body) == {"a": 1}
            m.reset_mock()
            assert not m.called


    def test_fixture(requests_mock):
        requests_mock.get(URL, json=[1])

        def nested(requests_mock):
            return requests_mock

        assert nested(3) == 3
        assert client.data(URL) == [1]
        assert requests_mock.call_count == 1


    @requests_mock.Mocker()
    def test_decorated(mocked):
        mocked.get(URL, status_code=210)
        assert client.status(URL) == 210
        assert mocked.called
"""


def _migrated(tmp_path: Path) -> tuple[dict[str, str], Path]:
    written = migrated_case(tmp_path / "case", {"client.py": CLIENT, "test_client.py": TESTS})
    return written, tmp_path / "case"


def _run(func: Callable[..., Any], migrated: bool) -> None:
    """``func`` run as pytest would: the ``requests_mock`` fixture is a Mocker,
    ``respx_mock`` respx's router (which ``@respx.mock`` passes itself)."""
    params = inspect.signature(func).parameters
    if not migrated:
        if "requests_mock" in params:
            with requests_mock.Mocker() as m:
                func(m)
        else:
            func()
        return
    assert inspect.iscoroutinefunction(func), f"{func.__name__} is not async"
    if "respx_mock" in params and not hasattr(func, "__wrapped__"):
        with respx.mock:
            asyncio.run(func(respx.mock))
    else:
        asyncio.run(func())


def test_every_test_passes_before_and_after_migration(tmp_path: Path) -> None:
    written, case = _migrated(tmp_path)
    migrated = written["test_client.py"]
    assert "requests_mock" not in migrated and "TODO" not in migrated, migrated
    for folder, after in ((case / "input", False), (case / "expected", True)):
        with imported_from(folder):
            module = importlib.import_module("test_client")
            names = [n for n in vars(module) if n.startswith("test_")]
            assert len(names) == len(re.findall(r"^    def test_", TESTS, re.M))
            for name in names:
                _run(getattr(module, name), after)


UNPORTED = """
    import requests_mock
    from requests.exceptions import RetryError

    import client

    URL = "https://api.test/items"


    def test_unported(options, responses, method):
        with requests_mock.Mocker() as m:
            m.get(URL, **options)
            m.request(method, URL)
            m.get(URL, [{"json": 1}], "extra")
            m.get(URL, complete_qs=True)
            m.get(URL, responses)
            m.get(URL, [responses])
            m.get(URL, [{**responses}])
            m.get(URL, reason="Très bien")
            m.get(URL, exc=RetryError)
            m.stop()
            assert m.last_request.timeout == 5
            assert requests_mock.NoMockAddress
        assert m.call_count == 0


    class Suite:
        @requests_mock.Mocker()
        def test_method(self):
            client.status(URL)
"""

# Each statement of UNPORTED as the migrated file has it (as it was, but for
# names of other rules), and the TODO above it (and above its decorators).
TODOS = {
    "m.get(URL, **options)": "requests-mock registration with ** not ported",
    "m.request(method, URL)": "requests-mock method not understood",
    'm.get(URL, [{"json": 1}], "extra")': "requests-mock registration not understood",
    "m.get(URL, complete_qs=True)": "requests-mock complete_qs= without a query",
    "m.get(URL, responses)": "requests-mock response list not understood",
    "m.get(URL, [responses])": "requests-mock response list not understood",
    "m.get(URL, [{**responses}])": "requests-mock response list not understood",
    'm.get(URL, reason="Très bien")': "requests-mock reason= not ported",
    "m.get(URL, exc=RetryError)": "requests-mock exc=RetryError has no httpx twin here",
    "m.stop()": "requests-mock .stop has no respx rewrite here",
    "assert m.calls.last.request.timeout == 5": "requests-mock request .timeout not ported",
    "assert requests_mock.NoMockAddress": ("requests_mock.NoMockAddress has no respx rewrite here"),
    "@requests_mock.Mocker()": "requests_mock.Mocker decorator: its mocker argument not found",
}


HELD = """
    import requests_mock

    import client

    URL = "https://api.test/items"


    def test_cookies():
        with requests_mock.Mocker() as m:
            m.get(URL, json={"ok": True}, cookies={"a": "b"})
            assert client.status(URL) is not None


    def test_real_http():
        with requests_mock.Mocker(real_http=True) as real:
            real.get(URL, json={})
"""


def test_forms_respx_has_no_twin_for_keep_the_file_s_mocks_whole(tmp_path: Path) -> None:
    """``cookies=`` and ``Mocker(real_http=True)``: the file keeps its requests-mock
    mocks as they were, answering httpx's requests through the helper, half
    moved neither."""
    written = migrated_case(tmp_path, {"client.py": CLIENT, "test_held.py": HELD})
    text = written["test_held.py"]
    assert 'm.get(URL, json={"ok": True}, cookies={"a": "b"})' in text
    assert "with requests_mock.Mocker(real_http=True) as real:" in text
    assert "router.route().mock(side_effect=through_requests)" in text
    assert "TODO" not in text


def test_a_mocker_read_after_its_block_keeps_its_calls(tmp_path: Path) -> None:
    """respx forgets a router's calls when its ``with`` block ends: the block keeps
    them for the reads after it, which no TODO marks."""
    written = migrated_case(tmp_path, {"client.py": CLIENT, "test_unported.py": UNPORTED})
    lines = [line.strip() for line in written["test_unported.py"].splitlines()]
    kept = lines.index("m_calls = list(m.calls)")
    assert lines[kept + 1] == "assert len(m_calls) == 0"
    assert not any("respx forgets" in line for line in lines)


def test_forms_respx_has_no_twin_for_get_a_todo_on_their_line(tmp_path: Path) -> None:
    written = migrated_case(tmp_path, {"client.py": CLIENT, "test_unported.py": UNPORTED})
    lines = [line.strip() for line in written["test_unported.py"].splitlines()]
    for statement, message in TODOS.items():
        assert statement in lines, f"{statement!r} changed:\n" + "\n".join(lines)
        at = lines.index(statement)
        while lines[at - 1].startswith("@"):
            at -= 1
        above = todos_above(lines, at)
        assert f"# TODO(migrate MIG008): {message}" in above, (statement, above)
