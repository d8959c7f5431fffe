"""An import with a fallback (``try:`` / ``except ImportError:``) names what runs:
the fallback, where the ``try`` body names nothing of the project under one of
its own packages and the fallback a module of it (see Project.settle_fallbacks);
the ``try`` body, where it names another package, which may be installed."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.project import load_project
from migrate.read.sources import discover

FILES = {
    "pkg/__init__.py": "",
    "pkg/client.py": "def urljoin(base, path):\n    return base + path\n",
    "pkg/compat.py": "def urljoin(base, path):\n    return base + path\n",
    "pkg/use.py": """\
        try:
            from pkg.legacy import client as z
        except ImportError:
            from pkg import client as z

        try:
            from requests.compat import urljoin
        except ImportError:
            from pkg.compat import urljoin
        """,
}


def test_the_fallback_binds_only_in_place_of_the_project_s_own_missing_module(
    tmp_path: Path,
) -> None:
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    project = load_project(list(discover([tmp_path])), jobs=1, roots=[tmp_path])
    project.analyse(project.files)
    imports = project.facts["pkg.use"].imports
    assert imports["z"] == "pkg.client"
    assert project.canonical("pkg.legacy.client") == "pkg.client"
    assert imports["urljoin"] == "requests.compat.urljoin"
    assert project.canonical("requests.compat") == "requests.compat"
