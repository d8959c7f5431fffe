"""The docs block collector itself: markers read, blocks rewritten in place."""

from __future__ import annotations

from pathlib import Path

from .blocks import read_blocks, replace_block

PAGE = """\
# Page

<!-- docs: before ex app.py -->
```python
import requests
```

Text.

```sh
migrate plan src/
```

<!-- docs: after ex app.py -->
```python
old
```
"""


def test_markers_and_unmarked_blocks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    blocks = read_blocks(page)
    assert [(b.kind, b.lang) for b in blocks] == [
        ("before", "python"),
        ("", "sh"),
        ("after", "python"),
    ]
    assert blocks[0].marker == ["before", "ex", "app.py"]
    assert blocks[1].text == "migrate plan src/\n"


def test_replacing_a_block_keeps_the_others_in_place(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    first, _, last = read_blocks(page)
    replace_block(first, "import httpx\n\n\nclient = None\n")
    replace_block(last, "new\n")
    again = read_blocks(page)
    assert again[0].text == "import httpx\n\n\nclient = None\n"
    assert again[2].text == "new\n" and again[2].kind == "after"
    assert again[1].text == "migrate plan src/\n"
