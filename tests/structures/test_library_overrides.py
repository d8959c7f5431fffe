"""Methods a library calls on objects it is handed stay sync (migrate/analyse/overrides.py).

``logging`` calls a handler's ``emit``, requests a ``PreparedRequest``'s
``prepare``: as ``async def`` each would hand its library a coroutine that
is never awaited (the log line lost, the request body a coroutine). The
project is migrated by ``migrate apply`` and its module imported: the
overrides are still plain functions, the code they reach is bridged, and a
logging call made from async code still runs the handler.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import io
import logging
import sys
import textwrap
from pathlib import Path

import pytest
from rich.console import Console

from migrate.analyse.run import analyse_paths
from migrate.apply import run_apply

SOURCE = """
    import logging

    import requests
    from requests.models import PreparedRequest


    class MetadataPrepared(PreparedRequest):
        def prepare(self, method=None, url=None, body=None):
            super().prepare(method=method, url=url)
            self.body = self._current(url)

        def _current(self, url):
            return requests.get(url, timeout=10).text


    class Collected(logging.Handler):
        seen = []

        def emit(self, record):
            self.seen.append(self.describe(record))

        def describe(self, record):
            return record.getMessage().upper()


    def fetch(url):
        return requests.get(url, timeout=5).json()


    def log_and_fetch(url):
        logging.getLogger("overrides").warning("fetching %s", url)
        return fetch(url)
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    package = tmp_path / "ovr"
    package.mkdir()
    (package / "__init__.py").touch()
    (package / "code.py").write_text(textwrap.dedent(SOURCE))
    return tmp_path


def test_the_overrides_stay_sync_and_the_plan_says_who_calls_them(project: Path) -> None:
    colouring = analyse_paths([project]).colouring
    assert colouring.is_async("ovr.code.MetadataPrepared._current")
    assert not colouring.is_async("ovr.code.MetadataPrepared.prepare")
    assert colouring.boundaries["ovr.code.MetadataPrepared.prepare"] == (
        "called by requests (requests.models.PreparedRequest.prepare)"
    )
    assert not colouring.is_async("ovr.code.Collected.emit")
    assert colouring.is_async("ovr.code.log_and_fetch")


def test_a_handler_still_runs_when_async_code_logs(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_apply((project,), jobs=1, console=Console(file=io.StringIO()))
    monkeypatch.syspath_prepend(str(project))
    module = importlib.import_module("ovr.code")
    try:
        assert not inspect.iscoroutinefunction(module.MetadataPrepared.prepare)
        assert not inspect.iscoroutinefunction(module.Collected.emit)
        assert inspect.iscoroutinefunction(module.log_and_fetch)
        logger = logging.getLogger("overrides")
        handler = module.Collected()
        logger.addHandler(handler)
        try:

            async def log_on_the_loop() -> None:
                logger.warning("on %s", "the loop")

            asyncio.run(log_on_the_loop())
        finally:
            logger.removeHandler(handler)
        assert module.Collected.seen == ["ON THE LOOP"]
    finally:
        for name in [m for m in sys.modules if m == "ovr" or m.startswith("ovr.")]:
            del sys.modules[name]


KEPT_SUBCLASS = """
    import time

    import requests


    class Paced(requests.Session):
        timeout = 30

        def request(self, method, url, **kwargs):
            response = super().request(method, url, **kwargs)
            if response.status_code == 429:
                time.sleep(0.01)
                response = super().request(method, url, **kwargs)
            return response

        def item(self, n):
            return self.get(f"https://api.example.com/items/{n}").json()
"""


def test_a_kept_session_subclass_s_request_stays_sync(tmp_path: Path) -> None:
    """The class stays on requests (its body sets timeout): requests' own get()
    calls its request(), which must not become async for its time.sleep."""
    (tmp_path / "paced.py").write_text(textwrap.dedent(KEPT_SUBCLASS))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert not colouring.is_async("paced.Paced.request")
    assert colouring.boundaries["paced.Paced.request"] == (
        "called by requests (requests.Session.request)"
    )


NOSE_TOOLS = """
    import functools


    def raises(*exceptions):
        def decorate(func):
            @functools.wraps(func)
            def newfunc(*args, **kwargs):
                try:
                    func(*args, **kwargs)
                except exceptions:
                    return
                raise AssertionError(f"{func.__name__} did not raise")

            return newfunc

        return decorate
"""
RAISING = """
    import time


    def fail():
        time.sleep(0.001)
        raise ValueError("nope")
"""
RAISING_TEST = """
    from nose.tools import raises

    from raising import fail


    @raises(ValueError)
    def test_fail():
        fail()
"""


def test_a_test_whose_decorator_calls_it_synchronously_stays_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """nose's ``@raises`` calls the test and looks for the exception: as ``async def``
    the test would only make a coroutine, and pass or fail for nothing. It stays
    sync, reaching the async function through a bridge, and still sees the raise."""
    (tmp_path / "nose").mkdir()
    (tmp_path / "nose" / "__init__.py").touch()
    (tmp_path / "nose" / "tools.py").write_text(textwrap.dedent(NOSE_TOOLS))
    (tmp_path / "raising.py").write_text(textwrap.dedent(RAISING))
    (tmp_path / "test_raising.py").write_text(textwrap.dedent(RAISING_TEST))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert colouring.is_async("raising.fail")
    assert colouring.boundaries["test_raising.test_fail"] == "its @raises calls it synchronously"
    run_apply((tmp_path,), jobs=1, console=Console(file=io.StringIO()))
    assert "async_to_sync(fail)()" in (tmp_path / "test_raising.py").read_text()
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        migrated = importlib.import_module("test_raising")
        assert not inspect.iscoroutinefunction(migrated.test_fail)
        migrated.test_fail()  # the bridge runs fail(), and @raises sees its ValueError
    finally:
        for name in ("nose", "nose.tools", "raising", "test_raising"):
            sys.modules.pop(name, None)


SERVERS = """
    import json
    import time
    from http.server import BaseHTTPRequestHandler

    import requests


    def fetch(url):
        return requests.get(url, timeout=5).json()


    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, payload):
            body = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


    class Upstream(Handler):
        def do_GET(self):
            time.sleep(0.01)
            self.reply({"path": self.path})


    class Proxy(Handler):
        upstream = ""

        def do_GET(self):
            self.reply(fetch(self.upstream + self.path))

        def do_POST(self):
            self.do_GET()


    class Echo(Handler):
        def _handle(self):
            time.sleep(0.01)
            self.reply({"method": self.command})

        do_GET = do_PUT = _handle


    def made_here(seen):
        # A handler a fixture defines, closing over what it records.
        class Recorder(BaseHTTPRequestHandler):
            def do_GET(self):
                seen.append(self.path)
                time.sleep(0.01)
                body = json.dumps({"seen": len(seen)}).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Recorder
"""


def test_http_server_handlers_stay_sync_and_bridge_what_became_async(tmp_path: Path) -> None:
    """http.server calls ``do_<command>`` by name on its own thread: a conftest's
    upstream sleeping there, and a proxy calling code that became async, keep
    serving (as ``async def`` the server would drop the coroutine and the
    connection with it)."""
    import threading
    from http.server import ThreadingHTTPServer

    import httpx

    package = tmp_path / "srv"
    package.mkdir()
    (package / "__init__.py").touch()
    (package / "servers.py").write_text(textwrap.dedent(SERVERS))
    colouring = analyse_paths([tmp_path]).colouring
    assert colouring.boundaries["srv.servers.Proxy.do_GET"] == (
        "called by http (http.server.BaseHTTPRequestHandler.do_GET)"
    )
    # Bound by its class body to the names the server calls.
    assert colouring.boundaries["srv.servers.Echo._handle"] == (
        "called by http (http.server.BaseHTTPRequestHandler.do_GET)"
    )
    # Defined in a function.
    assert colouring.boundaries["srv.servers.made_here.Recorder.do_GET"] == (
        "called by http (http.server.BaseHTTPRequestHandler.do_GET)"
    )
    run_apply((tmp_path,), jobs=1, console=Console(file=io.StringIO()))
    sys.path.insert(0, str(tmp_path))
    servers: list[ThreadingHTTPServer] = []
    try:
        module = importlib.import_module("srv.servers")
        assert inspect.iscoroutinefunction(module.fetch)
        seen: list[str] = []
        for handler in (module.Upstream, module.Proxy, module.Echo, module.made_here(seen)):
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
        upstream, proxy, echo, recorder = (
            f"http://127.0.0.1:{s.server_address[1]}" for s in servers
        )
        module.Proxy.upstream = upstream
        with httpx.Client() as client:
            assert client.get(f"{proxy}/items/1").json() == {"path": "/items/1"}
            assert client.post(f"{proxy}/items/2").json() == {"path": "/items/2"}
            assert client.put(echo).json() == {"method": "PUT"}
            assert client.get(f"{recorder}/a").json() == {"seen": 1}
            assert seen == ["/a"]
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "srv" or m.startswith("srv.")]:
            del sys.modules[name]
