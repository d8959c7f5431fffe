"""Set-up under a condition that the session's factory cannot take, because
something after it binds a name its test reads again: the factory, run at
first use, would read the new value. Its lines stay where they are, and what
httpx takes only when a client is made goes under a TODO, never left as code
that sets an attribute nothing reads (rewrite/rules/session_conditions.py)."""

from __future__ import annotations

from pathlib import Path

from .harness import applied

MODULE = """
    import os

    import requests

    INSECURE = os.environ.get("API_INSECURE")
    session = requests.Session()
    if INSECURE:
        session.verify = False
    INSECURE = None


    def get(url):
        return session.get(url, timeout=5).json()
"""

METHOD = """
    import requests


    class Client:
        def __init__(self, base, verify=True):
            self.base = base
            self.session = requests.Session()
            if not verify:
                self.session.verify = False
            verify = "read again"

        def get(self, path):
            return self.session.get(f"{self.base}/{path}", timeout=5).json()
"""


def test_a_module_block_rebinding_its_test_keeps_its_lines_under_a_todo(tmp_path: Path) -> None:
    out = applied(tmp_path, MODULE)
    assert "    # session.verify = False\n" in out, out
    assert "httpx sets verify= when the client is made" in out
    assert "verify=False" not in out  # not taken into the factory


def test_a_method_block_rebinding_its_test_keeps_its_lines_under_a_todo(tmp_path: Path) -> None:
    out = applied(tmp_path, METHOD)
    assert "            # self.session.verify = False\n" in out, out
    assert "verify=False" not in out and "if verify else" not in out
