"""A project whose own package is one the analysis knows as built on requests
(hvac, github, gitlab...) migrating itself: its classes are its own, not a
requests_* package's (migrate/analyse/frameworks.py ``requests_family``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths
from migrate.plan.build import build_plan

FILES = {
    "hvac/__init__.py": "",
    "hvac/adapters.py": """
        import requests


        class Adapter:
            def __init__(self):
                self.session = requests.Session()

            def get(self, url):
                return self.session.get(url, timeout=5).json()
    """,
    # Mentions nothing the first pass looks for: read only when needed.
    "hvac/api/__init__.py": "",
    "hvac/api/base.py": """
        class VaultApiBase:
            def __init__(self, adapter):
                self._adapter = adapter
    """,
    "hvac/api/approle.py": """
        from hvac.adapters import Adapter
        from hvac.api.base import VaultApiBase


        class AppRole(VaultApiBase):
            def read_role(self, name):
                return self._adapter.get(f"https://vault.example.com/v1/{name}")


        def role(name):
            return AppRole(Adapter()).read_role(name)
    """,
    # Its tests import the package: they don't reach a requests-based package.
    "tests/test_approle.py": """
        import requests_mock

        from hvac.api.approle import role


        def test_role():
            with requests_mock.Mocker() as m:
                m.get("https://vault.example.com/v1/web", json={"name": "web"})
                assert role("web") == {"name": "web"}
    """,
}


def test_the_projects_own_classes_are_not_taken_for_a_requests_package(tmp_path: Path) -> None:
    for name, code in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(code))
    analysis = analyse_paths([tmp_path], jobs=1)
    reasons = [item.reason for item in build_plan(analysis).needs_review]
    assert not [r for r in reasons if "stay on requests" in r or "mixed" in r], reasons
    assert "hvac.adapters.Adapter.get" in analysis.colouring.async_functions
    assert "hvac.api.approle.role" in analysis.colouring.async_functions
