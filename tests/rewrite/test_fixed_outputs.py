"""Layout and locals the rewrite got wrong once (each test pins its fix)."""

from __future__ import annotations

from pathlib import Path

from .drivers import migrated_case


def test_an_annotated_empty_list_filled_per_item_becomes_the_gather(tmp_path: Path) -> None:
    # The list is the function's own (annotated or not): nobody sees what the
    # loop appended before a failure, so no partial results are handed back.
    out = migrated_case(
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
    assert "    out: list[dict] = await gather_in_order((fetch(i) for i in ids), limit=10)\n" in out
    assert "stop_at_failure" not in out


def test_the_init_a_session_subclass_gains_has_one_blank_line_each_side(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "api.py": '''
                import requests


                class Api(requests.Session):
                    """An API session."""

                    base = "http://api.test"

                    def item(self, i):
                        return self.get(f"{self.base}/{i}").json()
            '''
        },
    )["api.py"]
    assert '"""An API session."""\n\n    def __init__(self):' in out
    assert "verify=TLS_CONTEXT)\n\n    base = " in out
