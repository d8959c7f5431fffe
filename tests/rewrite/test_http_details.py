"""Details of requests code that MIG001 carries into httpx, one small module
migrated in this process: what requests does implicitly (a ``None`` param
left out, ``Retry(total=False)`` meaning no retries), proxies set after the
session is made, ``closing()`` that httpx's streams no longer need, and a
streamed response's TODO on the line it concerns."""

from __future__ import annotations

import textwrap

import pytest
from scopes import shared

from migrate.rewrite.engine import FileResult
from migrate.rewrite.options import RewriteOptions

from .harness import rewrite

SOURCE = """\
from contextlib import closing

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

BASE = "http://api"

session = requests.Session()
session.mount("http://", HTTPAdapter(max_retries=Retry(total=False)))
session.proxies = {"http": "http://proxy:3128"}


def from_session(path):
    return session.get(BASE + path).json()


def search(q):
    return requests.get(f"{BASE}/search", params={"q": q, "page": None}).json()


def first_line(url):
    with closing(requests.get(url, stream=True)) as r:
        for line in r.iter_lines():
            return line


def streamed(url):
    r = requests.get(url, stream=True)
    return r.json()


def local_session(url):
    s = requests.Session()
    s.proxies.update({"https": "http://proxy:3128"})
    return s.get(url).json()


def download(url):
    r = session.get(url, stream=True)
    return r


def save(url, fh):
    r = download(url)
    fh.write(r.raw.read())
"""


@pytest.fixture(scope=shared)
def migrated(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, FileResult]:
    folder = tmp_path_factory.mktemp("details")
    (folder / "mod.py").write_text(SOURCE)
    written, results = rewrite(folder, RewriteOptions())
    text = written["mod.py"].decode()
    compile(text, "mod.py", "exec")
    return text, next(r for r in results if r.path.name == "mod.py")


def function(text: str, name: str) -> str:
    start = text.index(f"async def {name}(")
    end = text.find("\n\n\n", start)
    return text[start : end if end > 0 else None]


def test_a_none_param_is_left_out_as_requests_does(migrated: tuple[str, FileResult]) -> None:
    # httpx would send `page=` with an empty value where requests sent nothing.
    assert 'params={"q": q}' in function(migrated[0], "search")


def test_retries_turned_off_stay_off(migrated: tuple[str, FileResult]) -> None:
    text = migrated[0]
    assert 'mounts={"http://": httpx.AsyncHTTPTransport(verify=TLS_CONTEXT)}' in text
    assert "retries" not in text


def test_proxies_set_after_the_session_is_made_go_to_the_client(
    migrated: tuple[str, FileResult],
) -> None:
    text = migrated[0]
    factory = text[text.index("def _new_session()") : text.index("session = AsyncClientPerLoop")]
    assert 'proxy="http://proxy:3128"' in factory
    local = function(text, "local_session")
    assert 'proxy="http://proxy:3128"' in local
    assert "proxies" not in text


def test_closing_goes_with_its_import(migrated: tuple[str, FileResult]) -> None:
    text = migrated[0]
    assert 'http_client.stream("GET", url) as r:' in function(text, "first_line")
    assert "closing" not in text and "contextlib" not in text


def test_a_streamed_json_gets_its_todo_on_its_line(migrated: tuple[str, FileResult]) -> None:
    text, result = migrated
    todo = "a streamed response: `await r.aread()` before .json()"
    assert f"        # TODO(migrate MIG001): {todo}\n        return r.json()" in text
    notes = [(n.code, n.line) for n in result.notes if n.todo and n.message == todo]
    line = SOURCE.splitlines().index("    return r.json()") + 1
    assert notes == [("MIG001", line)]


def test_the_module_imports_what_it_uses_and_nothing_more(
    migrated: tuple[str, FileResult],
) -> None:
    head = migrated[0].split("\nBASE = ", 1)[0]
    assert head == textwrap.dedent(
        """\
        import httpx

        from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop
        """
    )


def test_the_raw_file_of_a_response_handed_back_read_whole_gets_its_todo(
    migrated: tuple[str, FileResult],
) -> None:
    # ``download`` hands its stream back: read whole, it has no urllib3 file.
    todo = "r.raw is urllib3's file: httpx read the body, r.content"
    assert f"    # TODO(migrate MIG001): {todo}\n    fh.write(r.raw.read())" in migrated[0]
