"""Calls the analysis cannot resolve, on names that hold only plain values
(a dict literal, ``dict(...)``, a ``dict``-annotated parameter, ``os.environ``,
a parsed body ``resp.json()`` and its items):
no project method runs there, so the plan asks no review of them; it still
does where the receiver is genuinely unknown."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CLIENT = """
    import os
    from typing import Dict, Optional

    import requests

    SETTINGS = {"timeout": 5}


    class Api:
        def __init__(self):
            self.session = requests.Session()

        def get(self, key):
            return self.session.get(f"http://x/{key}").json()


    def lookup(d: dict, key, opts: Optional[Dict[str, str]] = None):
        names = {"a": 1}
        made = dict(a=1)
        env = os.environ
        conf = {}
        conf.update(names)
        return d.get(key), names.get(key), made.get(key), opts.get(key), env.get(key), conf.get(key)


    def timeout():
        return SETTINGS.get("timeout")


    def rebound(key, source):
        found = {}
        found = source()
        return found.get(key)


    def fetch(api, key):
        return api.get(key)


    def body(key, send):
        payload = send("http://x/").json()
        items = send("http://x/items").json()["items"]
        return payload.get(key), items.get(key)
"""


def test_only_receivers_of_unknown_type_are_reviewed(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").touch()
    (package / "client.py").write_text(textwrap.dedent(CLIENT))
    colouring = analyse_paths([tmp_path]).colouring
    assert colouring.is_async("pkg.client.Api.get")
    reviewed = {
        r.reason.split("`")[1] for r in colouring.review if r.reason.startswith("cannot tell")
    }
    assert reviewed == {"api.get()", "found.get()"}
