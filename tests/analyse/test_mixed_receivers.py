"""``self.api.fetch_user()`` where ``api`` is given an ``Api`` in some places and a
value of unknown type in others (migrate/analyse/review.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.review import find_reviews
from migrate.analyse.run import analyse_paths

CODE = """
    import requests
    from vendor import make_api


    class Api:
        def fetch_user(self):
            return requests.get("https://api.example.com/me", timeout=5).json()


    class Holder:
        def __init__(self, api):
            self.api = api

        def name(self):
            return self.api.fetch_user()["name"]


    def made():
        return Holder(Api()).name()


    def vended():
        return Holder(make_api()).name()
"""


def test_a_call_taken_for_the_only_method_of_its_name_is_no_plain_call(tmp_path: Path) -> None:
    """Only ``Api`` defines ``fetch_user``: the call is taken for it and awaited, so
    the plan does not say it stays a plain call."""
    (tmp_path / "app.py").write_text(textwrap.dedent(CODE))
    analysis = analyse_paths([tmp_path], jobs=1)
    assert "app.Holder.name" in analysis.colouring.async_functions
    reasons = [r.reason for r in find_reviews(analysis.graph, analysis.colouring)]
    assert not [r for r in reasons if "plain call" in r], reasons
