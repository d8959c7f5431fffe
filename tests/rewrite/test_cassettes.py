"""Cassettes vcrpy recorded through requests replay through httpx once the code
moves: recorded here from a real loopback server answering in gzip, then the
project's own test is run before and after ``migrate apply``."""

from __future__ import annotations

import gzip
import json
import socket
import textwrap
import threading
from pathlib import Path

import pytest
import requests
import vcr
from click.testing import CliRunner

from migrate.cli import main
from migrate.rewrite.cassettes import cassette_results, decoded_cassette

from .harness import run_own_suite
from .loopback import read_head, response, serve

BOOK = {"title": "Emma", "year": 1815}


def gzipped(conn: socket.socket, stopping: threading.Event) -> None:
    """A JSON body sent gzip-encoded, as most APIs answer a client asking for it."""
    while read_head(conn):
        body = gzip.compress(json.dumps(BOOK).encode())
        headers = "Content-Type: application/json\r\nContent-Encoding: gzip\r\n"
        conn.sendall(response("200 OK", body, headers))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "shelf-project"
    (root / "shelf").mkdir(parents=True)
    (root / "tests" / "cassettes").mkdir(parents=True)
    (root / "shelf" / "__init__.py").write_text("")
    (root / "shelf" / "api.py").write_text(
        textwrap.dedent(
            """\
            import requests


            def book(base):
                r = requests.get(base + "/books/1", timeout=5)
                r.raise_for_status()
                return r.json()
            """
        )
    )
    cassette = root / "tests" / "cassettes" / "book.yaml"
    with serve(gzipped) as base, vcr.use_cassette(str(cassette), record_mode="all"):
        assert requests.get(base + "/books/1", timeout=5).json() == BOOK
    (root / "tests" / "test_api.py").write_text(
        textwrap.dedent(
            f"""\
            import vcr

            from shelf.api import book


            @vcr.use_cassette("tests/cassettes/book.yaml", record_mode="none")
            def test_book():
                assert book("{base}") == {BOOK!r}
            """
        )
    )
    (root / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    return root


def test_a_cassette_recorded_through_requests_replays_through_httpx(project: Path) -> None:
    cassette = project / "tests" / "cassettes" / "book.yaml"
    assert "gzip" in cassette.read_text().lower()  # what vcrpy kept of the answer
    before = run_own_suite(project)
    assert before.returncode == 0, before.stdout[-2000:]
    result = CliRunner().invoke(main, ["apply", str(project), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "async def test_book" in (project / "tests" / "test_api.py").read_text()
    after = run_own_suite(project)
    assert after.returncode == 0, after.stdout[-2000:]
    migrated = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert CliRunner().invoke(main, ["apply", str(project), "--jobs", "1"]).exit_code == 0
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == migrated


def test_a_body_stored_as_bytes_keeps_its_encoding() -> None:
    text = textwrap.dedent(
        """\
        interactions:
        - request:
            body: null
            method: GET
            uri: http://a.test/x
          response:
            body:
              string: !!binary |
                H4sIAAAAAAAAA6tWKkktLlGyUlAqS8wpTVWqBQBeHwjPEQAAAA==
            headers:
              Content-Encoding:
              - gzip
            status:
              code: 200
              message: OK
        - request:
            body: null
            method: GET
            uri: http://a.test/y
          response:
            body:
              string: '{"a": 1}'
            headers:
              Content-Encoding:
              - gzip
              Content-Type:
              - application/json
            status:
              code: 200
              message: OK
        version: 1
        """
    )
    edited = decoded_cassette(text)
    first, second = edited.split("- request:")[1:]
    assert "Content-Encoding" in first
    assert "Content-Encoding" not in second and "Content-Type" in second
    assert decoded_cassette(edited) == edited


def test_a_cassette_that_cannot_be_read_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked.yaml").write_text("interactions:\n")
    (tmp_path / "latin.yaml").write_bytes(b"interactions:\n- request: \xff\n")

    def refused(self: Path, *args: object, **kwargs: object) -> bytes:
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", refused)
    assert cassette_results([tmp_path]) == []
