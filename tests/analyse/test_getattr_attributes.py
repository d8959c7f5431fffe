"""``api.users`` on an object whose ``__getattr__`` makes an endpoint per name is
that endpoint; an attribute the project sets anywhere (``self.params = {}``)
is not asked of ``__getattr__`` (migrate/analyse/graph.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CODE = """
    import requests


    class Resource:
        def __init__(self, api, path):
            self._api = api
            self._path = path

        def get(self, **params):
            return self._api.session.get(self._api.base + self._path, params=params).json()


    class Api:
        def __init__(self, base):
            self.base = base
            self.session = requests.Session()
            self.params = {}

        def __getattr__(self, name):
            return Resource(self, "/" + name)


    def users(api):
        return api.users.get(active=1)


    def default(api):
        return api.params.get("active")


    def main():
        api = Api("https://api.example.com")
        return users(api), default(api)
"""


def test_getattr_types_only_attributes_nothing_sets(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(textwrap.dedent(CODE))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert colouring.is_async("client.users")
    # ``api.params.get`` may still be any ``get`` by name (a review), never Resource.get.
    assert not colouring.is_async("client.default")
