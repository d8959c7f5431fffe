"""A callable instance's ``__call__`` becomes async only where every call of an
instance is seen (migrate/analyse/called_instances.py); otherwise it stays sync,
bridging, and calls of instances never read as constructions."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrate.analyse.run import analyse_paths

CLIENT = """
    import requests


    class Ranker:
        def __init__(self, base):
            self.base = base

        def __call__(self, name):
            return requests.get(self.base + "/ranks/" + name).json()["rank"]


    class Api:
        def __init__(self, base):
            self.rank = Ranker(base)

        def best(self, names):
            return min(self.rank(name) for name in names)
"""

ESCAPES = {
    "handed on": "def ranks(api, names):\n    return list(map(api.rank, names))\n",
    "returned": "class Box:\n    def __init__(self, base):\n        self.rank = Ranker(base)\n"
    "\n    def ranker(self):\n        return self.rank\n",
    "in a container": "def rankers(base):\n    return [Ranker(base)]\n",
    "bound to another name": "class Box:\n    def __init__(self, api):\n"
    "        self.other = api.rank\n",
    "entered": "def rank(base, name):\n    with Ranker(base) as ranker:\n"
    "        return ranker(name)\n",
    "subclassed": "class Loud(Ranker):\n    pass\n",
}
# A test's fake in its place: a mock's calls give no awaitable.
FAKES = {
    "patched on the object": "with mock.patch.object(api, 'rank', side_effect=[3, 1]):\n"
    "        assert api.best(['a', 'b']) == 1",
    "assigned a mock": "api.rank = mock.Mock(side_effect=[3, 1])\n"
    "    assert api.best(['a', 'b']) == 1",
    "class patched": "with mock.patch('client.Ranker') as ranker:\n"
    "        ranker.return_value.side_effect = [3, 1]\n"
    "        assert api.best(['a', 'b']) == 1",
}


def _colouring(tmp_path: Path, extra: str = ""):
    code = textwrap.dedent(CLIENT) + "\n\n" + extra
    (tmp_path / "client.py").write_text(code)
    (tmp_path / "use.py").write_text(
        "from client import Api\n\n\ndef first(base):\n    return Api(base).rank('ada')\n"
    )
    return analyse_paths([tmp_path], jobs=1)


def test_held_instances_call_an_async_call(tmp_path: Path) -> None:
    plan = _colouring(tmp_path)
    colouring = plan.colouring
    assert colouring.is_async("client.Ranker.__call__")
    # ``self.rank(name)`` and ``Api(base).rank(...)`` in another module call it.
    assert colouring.is_async("client.Api.best")
    assert colouring.is_async("use.first")
    assert not colouring.is_async("client.Ranker.__init__")


@pytest.mark.parametrize("shape", sorted(ESCAPES))
def test_an_instance_called_unseen_keeps_call_sync(tmp_path: Path, shape: str) -> None:
    colouring = _colouring(tmp_path, ESCAPES[shape]).colouring
    assert not colouring.is_async("client.Ranker.__call__")
    assert colouring.boundaries.get("client.Ranker.__call__") == "dunder"


@pytest.mark.parametrize("shape", sorted(FAKES))
def test_an_instance_a_test_fakes_keeps_call_sync(tmp_path: Path, shape: str) -> None:
    test = "from unittest import mock\n\nfrom client import Api\n\n\ndef test_best():\n"
    (tmp_path / "test_client.py").write_text(f"{test}    api = Api('x')\n    {FAKES[shape]}\n")
    colouring = _colouring(tmp_path).colouring
    assert not colouring.is_async("client.Ranker.__call__")
    assert colouring.boundaries.get("client.Ranker.__call__") == "dunder"
