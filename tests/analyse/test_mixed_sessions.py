"""A session attribute given a requests.Session in some places and another value in
others (spotipy's ``self._session = requests.api`` when it is told to use no
session, or what its caller hands in): the calls through it stay on requests,
with the reason, rather than being awaited whatever it holds
(graph._mixed_sessions)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths
from tests.rewrite.harness import applied

CODE = """
    import requests


    class Client:
        def __init__(self, requests_session=True):
            if isinstance(requests_session, requests.Session):
                self._session = requests_session
            elif requests_session:
                self._session = requests.Session()
            else:
                self._session = requests.api

        def get(self, url):
            return self._session.request("GET", url, timeout=5).json()


    def fetch(url):
        return Client().get(url)
"""


def test_calls_through_a_session_or_other_values_stay_on_requests(tmp_path: Path) -> None:
    (tmp_path / "api.py").write_text(textwrap.dedent(CODE))
    analysis = analyse_paths([tmp_path], jobs=1)
    assert not analysis.colouring.is_async("api.Client.get")
    kept = [why for call, why in analysis.graph.kept.get("api.Client.get", [])]
    assert kept and "self._session is given a requests.Session in some places" in kept[0]


def test_such_a_module_is_left_as_it_was(tmp_path: Path) -> None:
    assert applied(tmp_path, CODE) == textwrap.dedent(CODE)
