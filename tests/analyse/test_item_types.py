"""A dict a function fills and reads back: ``seen[title] = page`` then
``seen[title].links``. The item read is what every store put there, when the
stores agree on one known type (migrate/analyse/scopes.py, LocalScope.item_type)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CODE = """
    import requests


    class Page:
        def __init__(self, title):
            self.title = title

        @property
        def links(self):
            url = f"https://wiki.example.com/{self.title}/links"
            return requests.get(url, timeout=5).json()


    def tree(title, seen):
        if title not in seen:
            found = Page(title)
            seen[title] = found
        return seen[title].links
"""


def _readers(tmp_path: Path, code: str) -> list[str]:
    (tmp_path / "wiki.py").write_text(textwrap.dedent(code))
    analysis = analyse_paths([tmp_path], jobs=1)
    return [edge.caller for edge in analysis.graph.callers.get("wiki.Page.links", [])]


def test_an_item_read_back_is_what_the_function_stored(tmp_path: Path) -> None:
    assert _readers(tmp_path, CODE) == ["wiki.tree"]


def test_stores_of_other_values_leave_the_item_unknown(tmp_path: Path) -> None:
    code = CODE.replace(
        "        return seen[title].links",
        "        seen[''] = title\n        return seen[title].links",
    )
    assert _readers(tmp_path, code) == []


def test_items_named_by_a_return_annotation() -> None:
    import ast

    from migrate.analyse.item_annotations import annotated_items

    def items(text: str) -> tuple[str, tuple[str, ...]] | None:
        return annotated_items(
            ast.parse(text, mode="eval").body,
            lambda n: (
                f"typing.{ast.unparse(n)}"
                if ast.unparse(n) in ("List", "Tuple", "Union", "Optional")
                else f"pkg.{ast.unparse(n)}"
            ),
        )

    assert items("List[Page]") == ("pkg.Page", ())
    assert items("Optional[List[Page]]") == ("pkg.Page", ())
    assert items("Union[Pages, List[Page]]") == ("pkg.Page", ("pkg.Pages",))
    assert items("Tuple[Page, ...]") == ("pkg.Page", ())
    # A tuple of two types, or a union of two item types: no one item type.
    assert items("Tuple[Client, Config]") is None
    assert items("Union[List[Page], List[User]]") is None
