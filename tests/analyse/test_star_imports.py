"""Names a module takes from ``from .a import *`` (migrate/analyse/graph.py
``_star_source``): a base class and a function named bare, through star imports
that import each other, beside a star-imported module that does not parse."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

FILES = {
    "pkg/__init__.py": "from .broken import *\nfrom .a import *\n",
    "pkg/broken.py": "def oops(:\n",
    "pkg/a.py": """
        from .b import *
        import requests


        class Api:
            def get(self):
                return requests.get("https://api.example.com", timeout=5).json()


        def fetch():
            return requests.get("https://api.example.com", timeout=5).json()
    """,
    "pkg/b.py": """
        from .a import *


        class Holder(Api):
            pass


        def run():
            return Holder().get()


        def fetched():
            return fetch()["x"]
    """,
}


def test_a_base_named_through_a_star_import_is_followed(tmp_path: Path) -> None:
    for name, code in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(code))
    analysis = analyse_paths([tmp_path], jobs=1)
    assert [f.path.name for f in analysis.project.failures] == ["broken.py"]
    assert "pkg.b.run" in analysis.colouring.async_functions
    assert "pkg.b.fetched" in analysis.colouring.async_functions
    assert analysis.graph.resolve("pkg.b.Holder.get") == "pkg.a.Api.get"
