"""A call the analysis cannot tell, made in a dunder Python calls by itself
(a descriptor's ``__get__``), of a name only project classes define, some of
whose methods become async: the dunder cannot become async and no call site of
it can await, so where the call reaches an async method its caller gets a
coroutine. The plan holds it back: apply writes nothing (migrate/analyse/review.py).
The same call in a plain function stays a review item that does not stop apply."""

from __future__ import annotations

import textwrap

import pytest

from migrate.analyse.decisions import Review
from migrate.analyse.run import analyse_paths

CODE = """
    import requests


    class Client:
        def _get(self, url):
            return requests.get(url, timeout=5).json()


    class Field:
        def __init__(self, name):
            self.name = name

        def __get__(self, instance, owner):
            if instance is None:
                return self
            return instance.fetch(self.name)


    class Plain:
        title = Field("title")

        def __init__(self, data):
            self.data = data

        def fetch(self, key):
            return self.data[key]


    class Remote:
        title = Field("title")

        def __init__(self, client, url):
            self.client = client
            self.url = url
            self.data = None

        def fetch(self, key):
            if self.data is None:
                self.data = self.client._get(self.url)
            return self.data[key]


    def described(thing):
        return thing.fetch("description")


    def remote_title(url):
        return Remote(Client(), url).title
"""


@pytest.fixture(scope="module")
def reviews(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Review]:
    folder = tmp_path_factory.mktemp("fields")
    (folder / "models.py").write_text(textwrap.dedent(CODE))
    analysis = analyse_paths([folder], jobs=1)
    assert "models.Remote.fetch" in analysis.colouring.async_functions
    return {
        r.function.rsplit(".", 1)[-1]: r
        for r in analysis.colouring.review
        if "cannot tell what" in r.reason
    }


def test_in_a_dunder_python_calls_it_holds_the_plan_back(reviews: dict[str, Review]) -> None:
    assert reviews["__get__"].unawaited is True
    assert reviews["__get__"].reason.endswith(
        "if it is Remote.fetch, which becomes async, __get__ would return a coroutine,"
        " and Python calls it, so it cannot await"
    )


def test_in_a_plain_function_it_is_named_only(reviews: dict[str, Review]) -> None:
    assert reviews["described"].unawaited is False
