"""Lists a function makes and fills per item: what the gather does with them."""

from __future__ import annotations

from pathlib import Path

from .harness import rewritten


def test_an_annotated_empty_list_filled_per_item_becomes_the_gather(tmp_path: Path) -> None:
    # The list is the function's own (annotated or not): nobody sees what the
    # loop appended before a failure, so no partial results are handed back.
    out = rewritten(
        tmp_path,
        {
            "users.py": """
                import requests


                def fetch(i):
                    return requests.get(f"http://api.test/{i}").json()


                def users(ids):
                    out: list[dict] = []
                    for i in ids:
                        out.append(fetch(i))
                    return out
            """
        },
    )["users.py"]
    assert (
        "    out: list[dict] = await gather_in_order(*(fetch(i) for i in ids), limit=10)\n" in out
    )
    assert "stop_at_failure" not in out
