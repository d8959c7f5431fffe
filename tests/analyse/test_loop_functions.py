"""Functions a loop takes from a tuple it spells out (migrate/analyse/loop_functions.py):
each call of the loop variable is a call of every one of them."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.review import find_reviews
from migrate.analyse.run import Analysis, analyse_paths

CLIENT = """
    import requests

    class Api:
        def fetch(self, path):
            return requests.get("https://x" + path).json()

        def describe(self, path):
            return {"path": path}

    def ping():
        return "pong"
"""


def _analyse(tmp_path: Path, caller: str) -> Analysis:
    (tmp_path / "client.py").write_text(textwrap.dedent(CLIENT))
    (tmp_path / "use.py").write_text(textwrap.dedent(caller))
    return analyse_paths([tmp_path], jobs=1)


def test_every_function_the_items_give_is_called_and_they_become_async_together(
    tmp_path: Path,
) -> None:
    analysis = _analyse(
        tmp_path,
        """
        from client import Api, ping

        def run():
            api = Api()
            for name, call in (("fetch", api.fetch), ("describe", api.describe)):
                print(name, call("/a"))
            for check in [ping]:
                check()
        """,
    )
    found = analysis.colouring.async_functions
    assert {"use.run", "client.Api.fetch", "client.Api.describe"} <= set(found)
    # ``ping`` is looped over alone, with nothing async: it stays as it was.
    assert "client.ping" not in found
    assert not analysis.colouring.review


def test_a_loop_variable_used_otherwise_is_no_call_site(tmp_path: Path) -> None:
    analysis = _analyse(
        tmp_path,
        """
        from client import Api

        def run():
            api = Api()
            seen = []
            for call in (api.fetch, api.describe):
                seen.append(call)
                call("/a")
            return seen
        """,
    )
    assert "use.run" not in analysis.colouring.async_functions


def test_items_the_analysis_cannot_follow_are_named_for_review(tmp_path: Path) -> None:
    analysis = _analyse(
        tmp_path,
        """
        def each(api):
            for call in (api.fetch, api.describe):
                call("/a")
        """,
    )
    reviews = find_reviews(analysis.graph, analysis.colouring)
    assert [(r.function, r.span.line) for r in reviews] == [("use.each", 4)]
    assert "Api.fetch, async now" in reviews[0].reason
    assert "use.each" not in analysis.colouring.async_functions
