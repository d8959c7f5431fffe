"""Methods named only at run time (``getattr(obj, name)(...)``, ``setattr(obj,
name, MagicMock())``): converted when every public method of the object's
class becomes async, named in the plan when only some do or the object's
class is unknown."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CLIENT = """
    from unittest import mock

    import requests


    class Api:
        def fetch(self, key):
            return requests.get(f"http://x/{key}").json()

        def remove(self, key):
            return requests.delete(f"http://x/{key}").json()


    class Mixed(Api):
        def describe(self):
            return "local"


    def call_api(api: Api, name):
        return getattr(api, name)("k")


    def call_mixed(obj: Mixed, name):
        return getattr(obj, name)()


    def call_unknown(obj, name):
        return getattr(obj, name)()


    def fake_mixed(obj: Mixed, name):
        setattr(obj, name, mock.MagicMock())


    def fake_api(api: Api, name):
        fake = mock.MagicMock()
        setattr(api, name, fake)
"""


def test_calls_and_mocks_of_methods_named_at_run_time(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").touch()
    (package / "client.py").write_text(textwrap.dedent(CLIENT))
    colouring = analyse_paths([tmp_path]).colouring
    # Every public method of Api becomes async: the call is awaited, the mock async.
    assert colouring.is_async("pkg.client.call_api")
    line = textwrap.dedent(CLIENT).splitlines().index('    return getattr(api, name)("k")') + 1
    assert ("pkg.client.call_api", line) in {(f, s.line) for f, s in colouring.param_awaits}
    assert [(f.function, f.mock) for f in colouring.fakes] == [("pkg.client.fake_api", True)]
    # Mixed.describe stays sync: neither is converted, and the plan says why.
    assert not colouring.is_async("pkg.client.call_mixed")
    reviews = {r.function.rsplit(".", 1)[1]: r.reason for r in colouring.review}
    assert "of Mixed named only at run time" in reviews["call_mixed"]
    assert "describe stay sync" in reviews["call_mixed"]
    assert "AsyncMock" in reviews["fake_mixed"]
    assert "class is unknown" in reviews["call_unknown"]
    assert "call_api" not in reviews and "fake_api" not in reviews
