"""A client whose methods are kept as values (a dict of its verbs, a partial) and
also looked up with ``getattr``: converting it for the ``getattr`` call would hand
the dict's callers coroutine functions they call without ``await``. The client
stays on requests everywhere, each value named for review
(values.kept_lookups)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths
from tests.rewrite.harness import applied

CODE = """
    import functools

    import requests


    class Client:
        def __init__(self, base):
            self.base = base
            self.session = requests.Session()
            self._verbs = {"GET": self.session.get, "POST": self.session.post}

        def call(self, verb, path, **kw):
            resp = self._verbs[verb](self.base + path, timeout=5, **kw)
            resp.raise_for_status()
            return resp.json()

        def poster(self, path):
            return functools.partial(self.session.post, self.base + path, timeout=5)

        def request(self, method, path):
            resp = getattr(self.session, method.lower())(self.base + path, timeout=5)
            resp.raise_for_status()
            return resp.json()
"""


def test_a_client_kept_as_values_is_not_converted_for_a_getattr(tmp_path: Path) -> None:
    (tmp_path / "api.py").write_text(textwrap.dedent(CODE))
    analysis = analyse_paths([tmp_path], jobs=1)
    assert not analysis.colouring.is_async("api.Client.request")
    assert not analysis.colouring.is_async("api.Client.call")
    reasons = [r.reason for r in analysis.colouring.review]
    assert any("self.session.get is used as a value" in r for r in reasons)
    assert applied(tmp_path, CODE) == textwrap.dedent(CODE)
