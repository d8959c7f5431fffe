"""Async colour through the call graph (migrate/analyse/colour.py, fakes.py, patches.py).

Each test is a small project on disk, analysed as ``migrate plan`` would, and
states which functions become async, why, and what stays sync behind a bridge.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.decisions import Colouring, Scope
from migrate.analyse.run import Analysis, analyse_paths


def analyse(tmp_path: Path, files: dict[str, str], scope: Scope | None = None) -> Analysis:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return analyse_paths([tmp_path], scope=scope, jobs=1)


def colouring(tmp_path: Path, files: dict[str, str], scope: Scope | None = None) -> Colouring:
    return analyse(tmp_path, files, scope).colouring


CHAIN = {
    "app/__init__.py": "",
    "app/client.py": """
        import requests

        def fetch(i):
            return requests.get(f"http://api/{i}").json()

        def pure(i):
            return i * 2
    """,
    "app/service.py": """
        from app.client import fetch, pure

        def load(i):
            return fetch(i)["name"]

        def double(i):
            return pure(i)

        def report(ids):
            return [load(i) for i in ids]
    """,
}


def test_colour_spreads_from_the_blocking_call_to_every_caller_and_no_further(
    tmp_path: Path,
) -> None:
    result = colouring(tmp_path, CHAIN)
    assert set(result.async_functions) == {
        "app.client.fetch",
        "app.service.load",
        "app.service.report",
    }
    fetch = result.async_functions["app.client.fetch"]
    assert (fetch.kind, fetch.callee) == ("blocking", "requests.get")
    load = result.async_functions["app.service.load"]
    assert (load.kind, load.callee) == ("calls", "app.client.fetch")
    # Callees before callers: the order the rewrite makes them async in.
    assert result.order.index("app.client.fetch") < result.order.index("app.service.load")
    assert result.order.index("app.service.load") < result.order.index("app.service.report")
    assert result.is_async("app.service.report")
    assert not result.is_async("app.service.double")


def test_an_excluded_caller_stays_sync_and_bridges(tmp_path: Path) -> None:
    result = colouring(tmp_path, CHAIN, Scope(exclude=("app.service.report",)))
    assert "app.service.report" not in result.async_functions
    assert result.boundaries["app.service.report"] == "excluded"
    (bridge,) = [b for b in result.bridges if b.function == "app.service.report"]
    assert (bridge.callee, bridge.kind) == ("app.service.load", "async_to_sync")


def test_a_script_main_block_runs_the_loop_itself(tmp_path: Path) -> None:
    result = colouring(
        tmp_path,
        {
            "tool.py": """
                import requests

                def fetch():
                    return requests.get("http://api/x").text

                if __name__ == "__main__":
                    print(fetch())
            """
        },
    )
    assert result.is_async("tool.fetch")
    kinds = {(b.callee, b.kind) for b in result.bridges}
    assert ("tool.fetch", "asyncio.run") in kinds


def test_a_lambda_that_calls_async_code_is_bridged_in_sync_code(tmp_path: Path) -> None:
    result = colouring(
        tmp_path,
        {
            "jobs.py": """
                import requests

                def fetch(i):
                    return requests.get(f"http://api/{i}").json()

                def schedule(register):
                    register(lambda: fetch(1))
            """
        },
    )
    assert not result.is_async("jobs.schedule")
    (bridge,) = [b for b in result.bridges if b.function == "jobs.schedule"]
    assert (bridge.callee, bridge.kind, bridge.why) == (
        "jobs.fetch",
        "async_to_sync",
        "a lambda cannot await",
    )


def test_bridged_blocking_calls_stay_sync_and_are_offloaded(tmp_path: Path) -> None:
    result = colouring(
        tmp_path,
        {
            "store.py": """
                import sqlite3
                import requests

                def count():
                    return sqlite3.connect("app.db").execute("select 1").fetchone()

                def fetch_and_count():
                    requests.get("http://api/x")
                    return count()
            """
        },
    )
    assert not result.is_async("store.count")
    assert result.is_async("store.fetch_and_count")
    assert "store.count" in result.sync_blocking


def test_fakes_of_functions_that_became_async_become_async(tmp_path: Path) -> None:
    files = dict(CHAIN)
    files["tests/test_service.py"] = """
        from unittest import mock

        from app import service

        def fake_fetch(i):
            return {"name": "n"}

        def test_load(monkeypatch):
            monkeypatch.setattr(service, "fetch", fake_fetch)
            assert service.load(1) == "n"

        def test_load_lambda(monkeypatch):
            monkeypatch.setattr("app.service.fetch", lambda i: {"name": "n"})
            assert service.load(1) == "n"

        def test_load_mock():
            with mock.patch("app.service.fetch", mock.MagicMock(return_value={"name": "n"})):
                assert service.load(1) == "n"

        def test_double(monkeypatch):
            monkeypatch.setattr(service, "pure", lambda i: 0)
            assert service.double(1) == 0
    """
    result = colouring(tmp_path, files)
    fakes = {f.function.rsplit(".", 1)[-1]: f for f in result.fakes}
    assert set(fakes) == {"test_load", "test_load_lambda", "test_load_mock"}
    by_function = fakes["test_load"]
    assert (by_function.fake, by_function.wrap, by_function.mock) == (
        "tests.test_service.fake_fetch",
        False,
        False,
    )
    assert (fakes["test_load_lambda"].fake, fakes["test_load_lambda"].wrap) == (None, True)
    assert (fakes["test_load_mock"].mock, fakes["test_load_mock"].wrap) == (True, False)
    assert {f.target for f in result.fakes} == {"app.client.fetch"}


def test_patched_sleep_moves_to_asyncio_when_the_code_now_awaits_it(tmp_path: Path) -> None:
    result = colouring(
        tmp_path,
        {
            "poll.py": """
                import time
                import requests

                def wait_ready():
                    while requests.get("http://api/ready").status_code != 200:
                        time.sleep(1)
            """,
            "test_poll.py": """
                import time

                import poll

                def test_wait(monkeypatch):
                    monkeypatch.setattr(time, "sleep", lambda s: None)
                    poll.wait_ready()
            """,
        },
    )
    (fake,) = result.fakes
    assert fake.target == "time.sleep"
    assert fake.retarget is not None


def test_an_override_in_a_subclass_in_another_module_becomes_async_with_its_base(
    tmp_path: Path,
) -> None:
    # Callers reach the object through the base class and await the method:
    # an override that stayed sync would be awaited all the same, and fail.
    coloured = colouring(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/base.py": """
                import requests

                class Source:
                    def load(self, key):
                        return requests.get(f"http://api/{key}").json()

                def read(source: Source, key):
                    return source.load(key)
            """,
            "app/fixed.py": """
                from app.base import Source

                class Fixed(Source):
                    def load(self, key):
                        return {"key": key}

                class Pinned(Fixed):
                    def load(self, key):
                        return {"key": key, "pinned": True}
            """,
        },
    )
    assert {"app.base.Source.load", "app.base.read"} <= set(coloured.async_functions)
    assert {"app.fixed.Fixed.load", "app.fixed.Pinned.load"} <= set(coloured.async_functions)
