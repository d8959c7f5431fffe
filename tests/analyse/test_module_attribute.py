"""An attribute holding a module (``self._objects = objects`` after ``from
gitlab.v4 import objects`` in ``__init__``, python-gitlab's client): calls through
it reach that module's classes (migrate/analyse/names.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

FILES = {
    "shop/__init__.py": "",
    "shop/objects.py": """
        import requests


        class UserManager:
            def __init__(self, client):
                self.client = client

            def get(self):
                return requests.get("https://shop.example.com/user", timeout=5).json()
    """,
    "shop/client.py": """
        class Client:
            def __init__(self):
                from shop import objects

                self._objects = objects
                self.user = None

            def auth(self):
                self.user = self._objects.UserManager(self).get()
    """,
}


def test_calls_through_an_attribute_holding_a_module_reach_its_classes(tmp_path: Path) -> None:
    for name, code in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(code))
    analysis = analyse_paths([tmp_path], jobs=1)
    assert "shop.objects.UserManager.get" in analysis.colouring.async_functions
    assert "shop.client.Client.auth" in analysis.colouring.async_functions
