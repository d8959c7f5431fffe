"""A property setter stays sync (an assignment cannot await). One that runs code
that becomes async takes an async twin (``aset_token``), which a plain
``api.token = v`` in async code awaits; every other assignment keeps the
setter, whose ``async_to_sync`` raises on a running loop: held for review
(migrate/analyse/review.py, twinned.setter_twin)."""

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
            self._token = ""

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


    def extend(api: Api):
        api.token += "-more"
        return api.me()


    def configure(api):
        api.token = "other"


    def run():
        api = Api()
        configure(api)
        extend(api)
        return login(api)
"""


def _analyse(tmp_path: Path, code: str):  # type: ignore[no-untyped-def]
    (tmp_path / "app.py").write_text(textwrap.dedent(code))
    analysis = analyse_paths([tmp_path], jobs=1)
    return analysis, find_reviews(analysis.graph, analysis.colouring)


def test_a_setter_running_async_code_takes_an_async_twin(tmp_path: Path) -> None:
    analysis, reviews = _analyse(tmp_path, CODE)
    colouring = analysis.colouring
    assert colouring.renamed["app.Api.token.<setter>"] == "aset_token"
    assert "app.Api.token.<setter>" in colouring.async_functions
    # The plain assignment is a call of the twin: its function becomes async.
    assert "app.login" in colouring.async_functions
    # ``+=`` keeps the setter: it does not make ``extend`` async by itself.
    assert colouring.async_functions["app.extend"].callee == "app.Api.me"
    assert not any(b.function == "app.Api.token.<setter>" for b in colouring.bridges)
    setters = [r for r in reviews if "setter" in r.reason]
    by_function = {r.function: r for r in setters}
    assert sorted(by_function) == ["app.configure", "app.extend"], setters
    # ``api.token += ...`` in async code runs the bridging setter: held.
    assert by_function["app.extend"].unawaited
    assert "`await api.aset_token(...)`" in by_function["app.extend"].reason
    # ``api`` of no known type: named, not held (most such objects are others).
    assert not by_function["app.configure"].unawaited
    assert by_function["app.configure"].reason.startswith("cannot tell what `api.token` is")


def test_a_setter_no_plain_assignment_runs_stays_a_bridging_setter(tmp_path: Path) -> None:
    code = CODE.replace('api.token = "secret"', 'api.token += "secret"')
    code = code.replace('api.token = "other"', 'api.token += "other"')
    analysis, reviews = _analyse(tmp_path, code)
    colouring = analysis.colouring
    assert "app.Api.token.<setter>" not in colouring.renamed
    assert any(b.function == "app.Api.token.<setter>" for b in colouring.bridges)
    held = sorted(r.function for r in reviews if "setter" in r.reason and r.unawaited)
    assert held == ["app.extend", "app.login"]


def test_an_assignment_of_an_annotated_parameter_still_runs_the_setter(tmp_path: Path) -> None:
    # ``self.headers = headers``, ``headers: Optional[Dict]``: the attribute is the
    # property (a data descriptor wins over the instance), not a Dict.
    code = """
        from typing import Dict, Optional

        import requests


        class Api:
            def __init__(self, headers: Optional[Dict] = None):
                self.session = requests.Session()
                self.headers = headers

            @property
            def headers(self):
                return self._headers

            @headers.setter
            def headers(self, value):
                self._headers = value
                self.session.get("https://api.example.com/check", timeout=5)
    """
    analysis, _ = _analyse(tmp_path, code)
    writers = analysis.graph.callers["app.Api.headers.<setter>"]
    assert [(edge.caller, edge.via) for edge in writers] == [("app.Api.__init__", "write")]
    assert analysis.colouring.renamed["app.Api.headers.<setter>"] == "aset_headers"
