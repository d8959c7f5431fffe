"""A loop over what a function returns, when its return annotation names a class
that became an async iterator among other types (python-gitlab's
``list(iterator=True) -> Union[RESTObjectList, List[RESTObject]]``): in async
code it goes through ``async_iter``; in code that stays sync the plan names it
for review (migrate/analyse/either_iterables.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.decisions import Scope
from migrate.analyse.run import analyse_paths

CODE = """
    from typing import List, Union

    import requests


    class Pager:
        def __init__(self, url):
            self.url = url
            self.items = None

        def __iter__(self):
            return self

        def __next__(self):
            if self.items is None:
                self.items = requests.get(self.url, timeout=5).json()
            if not self.items:
                raise StopIteration
            return self.items.pop(0)


    class Manager:
        def list(self, iterator=False) -> Union[Pager, List[dict]]:
            if iterator:
                return Pager("https://api.example.com/rules")
            return list(Pager("https://api.example.com/rules"))

        def pages(self) -> Pager:
            return Pager("https://api.example.com/rules")

        def names(self):
            rules = self.list(iterator=True)
            return [rule["name"] for rule in rules]

        def ids(self):
            return [rule["id"] for rule in self.pages()]
"""


def test_a_loop_over_what_may_be_an_async_iterator_takes_either(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(textwrap.dedent(CODE))
    analysis = analyse_paths([tmp_path], jobs=1)
    either = [function for function, _ in analysis.colouring.either_iterations]
    # ``pages()`` is a Pager whatever happens: its loop becomes ``async for``.
    assert either == ["app.Manager.names"]
    reviews = [r for r in analysis.colouring.review if "async iterator now" in r.reason]
    assert reviews == []


def test_one_in_code_kept_sync_is_named_for_review(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(textwrap.dedent(CODE))
    analysis = analyse_paths([tmp_path], scope=Scope(exclude=("app.Manager.names",)), jobs=1)
    assert analysis.colouring.either_iterations == []
    reviews = [r for r in analysis.colouring.review if "async iterator now" in r.reason]
    assert [r.function for r in reviews] == ["app.Manager.names"], reviews
