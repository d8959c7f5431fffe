"""A ``__getattr__`` that fetches a missing attribute: Python calls it on a read,
so it stays sync behind ``async_to_sync``, which raises inside a running event
loop; the plan says so, naming the method to await before reading."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CLIENT = """
    import requests


    class Lazy:
        def __init__(self, data, complete=True):
            self.data = data
            self.complete = complete

        def __getattr__(self, name):
            value = self.data.get(name)
            if value is None and not self.complete:
                self.reload()
                value = self.data.get(name)
            return value

        def reload(self):
            self.data = requests.get("http://x/item").json()
            self.complete = True


    class Plain:
        def __getattr__(self, name):
            return name.upper()
"""


def test_a_fetching_getattr_is_named(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").touch()
    (package / "client.py").write_text(textwrap.dedent(CLIENT))
    colouring = analyse_paths([tmp_path]).colouring
    assert colouring.is_async("pkg.client.Lazy.reload")
    assert not colouring.is_async("pkg.client.Lazy.__getattr__")
    reasons = [r.reason for r in colouring.review if r.function.endswith("__getattr__")]
    assert len(reasons) == 1
    assert reasons[0].startswith("Lazy.__getattr__ calls reload, which becomes async")
    assert "`await obj.reload()`" in reasons[0]
