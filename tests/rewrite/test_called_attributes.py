"""A name holding what an awaited call gave may be a response (see http_client's
visit_Assign), but one whose attribute is called is not where that attribute is
a property on requests' response (``next``, ``ok``, ``reason``...): ``pages.next()``
stays as written, with no TODO. Its methods (``iter_content()``) are still named."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

CODE = """
    import requests


    class Pages:
        def __init__(self, base):
            self.base = base
            self.page = 0

        def next(self):
            self.page += 1
            return requests.get(f"{self.base}/pages/{self.page}", timeout=5).json()


    def open_pages(base):
        requests.get(f"{base}/ping", timeout=5).raise_for_status()
        return Pages(base)


    def first(base):
        pages = open_pages(base)
        return pages.next()


    def status(base):
        response = requests.get(f"{base}/status", timeout=5)
        return response.next
"""


def test_a_called_attribute_is_no_response_attribute(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(textwrap.dedent(CODE))
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(tmp_path), "--force"],
        check=True,
        capture_output=True,
    )
    out = (tmp_path / "app.py").read_text()
    assert "    return await pages.next()" in out
    # The response's own ``.next`` is still named (the test can fail).
    assert out.count(".next is requests' only") == 1, out


HANDED = """
    import requests


    def body(resp):
        return b"".join(resp.iter_content(1024))


    def moved(url):
        return body(requests.get(url, timeout=5))


    def kept(url):
        return body(requests.get(url, timeout=5))
"""


def test_a_called_method_of_a_response_is_still_named(tmp_path: Path) -> None:
    # ``kept`` stays on requests in this step: ``body`` is handed both kinds, and
    # ``iter_content()``, a method requests' response alone has, gets its TODO.
    (tmp_path / "app.py").write_text(textwrap.dedent(HANDED))
    selected = ["--select", "app.moved", "--select", "app.body"]
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(tmp_path), "--force", *selected],
        check=True,
        capture_output=True,
    )
    out = (tmp_path / "app.py").read_text()
    assert "resp.iter_content is requests' only" in out, out
