"""Attributes read by names the source spells out, ``getattr(obj, name)``
(migrate/analyse/named_reads.py, named_read_kinds.py): each name is a read of
that attribute; one ``getattr`` whose names are not all read alike once
migrated holds the apply back, naming it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CODE = """
    import requests

    NAMES = ("summary", "title")


    class Page:
        def __init__(self, title):
            self.title = title

        @property
        def summary(self):
            return requests.get(f"https://wiki.example.com/{self.title}", timeout=5).text

        def fields(self):
            return {name: getattr(self, name) for name in NAMES}

        def words(self):
            return len(getattr(self, "summary").split())

        def anything(self, name):
            return getattr(self, name)
"""


def _analyse(tmp_path: Path):
    (tmp_path / "app.py").write_text(textwrap.dedent(CODE))
    return analyse_paths([tmp_path], jobs=1)


def test_each_spelt_out_name_is_a_read(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path)
    fields = analysis.graph.functions["app.Page.fields"]
    assert sorted(r.text for r in fields.reads if r.named) == ["self.summary", "self.title"]
    # A read of a getter that fetches makes its reader async, as ``self.summary`` does.
    assert analysis.colouring.is_async("app.Page.words")
    assert analysis.colouring.is_async("app.Page.fields")
    # A name known only at run time is not followed here.
    anything = analysis.graph.functions["app.Page.anything"]
    assert not [r for r in anything.reads if r.named]


def test_names_read_in_different_ways_hold_the_apply_back(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path)
    held = [r for r in analysis.colouring.review if r.unawaited]
    assert [r.function for r in held] == ["app.Page.fields"]
    assert "self.summary must be awaited and self.title must not" in held[0].reason


CHANGED = """
    import requests

    NAMES = ["summary"]
    NAMES.append("title")


    class Page:
        def __init__(self, title):
            self.title = title

        @property
        def summary(self):
            return requests.get(f"https://wiki.example.com/{self.title}", timeout=5).text

        def fields(self):
            return [getattr(self, name) for name in NAMES]

        def documented(self):
            return [getattr(self, name) for name in ("__doc__", "summary")]
"""


def test_names_not_all_spelt_out_are_not_followed(tmp_path: Path) -> None:
    # A list changed in place may hold other names; a dunder is Python's.
    (tmp_path / "app.py").write_text(textwrap.dedent(CHANGED))
    analysis = analyse_paths([tmp_path], jobs=1)
    for name in ("fields", "documented"):
        fn = analysis.graph.functions[f"app.Page.{name}"]
        assert not [r for r in fn.reads if r.named], name
