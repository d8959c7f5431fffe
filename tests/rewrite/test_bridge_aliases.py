"""MIG004: a sync function is bridged once per module, not at every call.

``load = sync_to_async(db.load)`` at the top of the module, ``await load(...)``
at each call; the bridge stays at the call where an alias made at import
time would not be the same thing (a bound method, a local, a patched name).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from migrate.cli import main

DB = """\
    def load(key):
        with open(key) as handle:
            return handle.read()


    def save(key, value):
        with open(key, "w") as handle:
            handle.write(value)
    """


def migrate(root: Path, files: dict[str, str]) -> dict[str, str]:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    result = CliRunner().invoke(main, ["apply", str(root), "--jobs", "1", "--force"])
    assert result.exit_code == 0, result.output
    migrated = {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*.py")}
    again = CliRunner().invoke(main, ["apply", str(root), "--jobs", "1", "--force"])
    assert again.exit_code == 0, again.output
    assert {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*.py")} == migrated
    return migrated


def test_a_module_function_is_bridged_once_at_the_top(tmp_path: Path) -> None:
    views = """\
        import requests

        import db


        def show(key):
            value = db.load(key)
            db.save(key, requests.get("http://127.0.0.1:9/" + key, timeout=5).text)
            return value, db.load(key)
        """
    text = migrate(tmp_path, {"db.py": DB, "views.py": views})["views.py"]
    bridges = "load = sync_to_async(db.load, thread_sensitive=False)\n"
    bridges += "save = sync_to_async(db.save, thread_sensitive=False)\n"
    assert bridges in text
    assert "value = await load(key)" in text and "await save(" in text
    assert "return value, await load(key)" in text
    assert text.count("sync_to_async(") == 2


def test_the_alias_takes_a_name_nothing_else_has(tmp_path: Path) -> None:
    views = """\
        import requests

        from db import load


        def show(key):
            save = requests.get("http://127.0.0.1:9/" + key, timeout=5).text
            return load(key), save
        """
    text = migrate(tmp_path, {"db.py": DB, "views.py": views})["views.py"]
    # ``load`` is the imported sync function itself: the bridge is ``load_async``.
    assert "load_async = sync_to_async(load, thread_sensitive=False)" in text
    assert "return await load_async(key), save" in text


def test_a_later_step_reuses_the_alias(tmp_path: Path) -> None:
    views = """\
        import requests

        import db

        load = None


        def show(key):
            return db.load(key), requests.get("http://127.0.0.1:9/", timeout=5).text


        def report(key):
            return db.load(key)
        """
    first = migrate(tmp_path, {"db.py": DB, "views.py": views})["views.py"]
    assert "load_async = sync_to_async(db.load, thread_sensitive=False)" in first
    assert "\ndef report(key):\n    return db.load(key)" in first
    # A later step makes ``report`` async too (it now fetches): the same alias serves it.
    (tmp_path / "views.py").write_text(
        first.replace(
            "def report(key):\n    return db.load(key)",
            'def report(key):\n    return db.load(key), requests.get("http://x/", timeout=5)',
        ).replace("import httpx\n", "import httpx\nimport requests\n")
    )
    second = migrate(tmp_path, {})["views.py"]
    assert second.count("sync_to_async(db.load, thread_sensitive=False)") == 1
    assert "return await load_async(key), " in second


@pytest.mark.parametrize(
    ("views", "inline"),
    [
        pytest.param(
            """\
            import requests


            class Store:
                def __init__(self, db):
                    self.db = db

                def show(self, key):
                    requests.get("http://127.0.0.1:9/", timeout=5)
                    return self.db.load(key)
            """,
            None,
            id="a-method-of-an-instance-is-no-module-function",
        ),
        pytest.param(
            """\
            import socket

            import requests

            SOCK = socket.socket()


            def show(key):
                requests.get("http://127.0.0.1:9/", timeout=5)
                return SOCK.recv(1)
            """,
            "await sync_to_async(SOCK.recv, thread_sensitive=False)(",
            id="a-method-of-a-module-global-is-bound-at-import",
        ),
    ],
)
def test_no_alias_for_what_is_not_a_module_function(
    tmp_path: Path, views: str, inline: str | None
) -> None:
    text = migrate(tmp_path, {"db.py": DB, "views.py": views})["views.py"]
    assert " = sync_to_async(" not in text
    if inline:
        assert inline in text


def test_no_alias_for_a_function_a_test_patches(tmp_path: Path) -> None:
    views = """\
        import requests

        import db


        def show(key):
            requests.get("http://127.0.0.1:9/", timeout=5)
            return db.load(key)
        """
    test = """\
        import db
        import views


        def test_show(monkeypatch):
            monkeypatch.setattr(db, "load", lambda key: "fake")
            assert views.show("k") == "fake"
        """
    files = migrate(tmp_path, {"db.py": DB, "views.py": views, "test_views.py": test})
    assert "return await sync_to_async(db.load, thread_sensitive=False)(key)" in files["views.py"]


def test_a_builtin_keeps_its_thread_sensitivity_and_its_name(tmp_path: Path) -> None:
    views = """\
        import requests


        def fetch_to(url, path):
            body = requests.get(url, timeout=5).content
            with open(path, "wb") as f:
                size = f.write(body)
            return size
        """
    text = migrate(tmp_path, {"views.py": views})["views.py"]
    assert "open_async = sync_to_async(open, thread_sensitive=False)" in text
    assert 'with await open_async(path, "wb") as f:' in text
