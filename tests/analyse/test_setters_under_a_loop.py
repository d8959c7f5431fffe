"""A property setter stays sync (an assignment cannot await); one that runs code
that becomes async bridges to it with ``async_to_sync``, which raises when the
assignment runs in code that becomes async (migrate/analyse/review.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.review import find_reviews
from migrate.analyse.run import analyse_paths

CODE = """
    import requests


    class Api:
        def __init__(self):
            self.session = requests.Session()
            self._token = None

        @property
        def token(self):
            return self._token

        @token.setter
        def token(self, value):
            self._token = value
            self.check()

        def check(self):
            self.session.get("https://api.example.com/check", timeout=5)

        def me(self):
            return self.session.get("https://api.example.com/me", timeout=5).json()


    def login(api: Api):
        api.token = "secret"
        return api.me()


    def configure(api):
        api.token = "other"


    def run():
        api = Api()
        configure(api)
        return login(api)
"""


def test_an_assignment_in_async_code_running_a_bridging_setter_holds_apply(
    tmp_path: Path,
) -> None:
    (tmp_path / "app.py").write_text(textwrap.dedent(CODE))
    analysis = analyse_paths([tmp_path], jobs=1)
    colouring = analysis.colouring
    assert "app.login" in colouring.async_functions
    assert "app.configure" not in colouring.async_functions
    assert any(b.function == "app.Api.token.<setter>" for b in colouring.bridges)
    held = [r for r in find_reviews(analysis.graph, colouring) if "setter" in r.reason]
    # ``login`` is async and assigns; ``configure`` stays sync, where the bridge runs.
    assert [(r.function, r.unawaited) for r in held] == [("app.login", True)], held
    assert held[0].reason.startswith("`api.token = ...` runs the Api.token setter")
