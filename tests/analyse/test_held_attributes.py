"""``client.products.get(1)`` where nothing types ``client``: ``get`` is a name dicts
have too, so only the attribute tells whose it is; where every ``products`` the
project sets holds an Endpoint, the call is ``Endpoint.get`` (by_name.attribute_types)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import Analysis, analyse_paths
from migrate.plan import build_plan

API = """
    import requests


    class Endpoint:
        def __init__(self, api, name):
            self.api, self.name = api, name

        def get(self, key):
            return self.api.session.get(f"{self.api.url}/{self.name}/{key}").json()


    class Api:
        def __init__(self, url):
            self.url = url
            self.session = requests.Session()
            self.products = Endpoint(self, "products")
"""

REPORT = """
    def describe(client, key):
        return client.products.get(key)["name"]
"""


def _analysed(root: Path, api: str) -> tuple[Analysis, dict[str, str]]:
    (root / "shop").mkdir()
    (root / "shop" / "__init__.py").write_text("")
    (root / "shop" / "api.py").write_text(textwrap.dedent(api))
    (root / "shop" / "report.py").write_text(textwrap.dedent(REPORT))
    analysis = analyse_paths([root], jobs=1)
    plan = build_plan(analysis)
    return analysis, {c.function: c.reason for c in plan.conversions}


def test_a_dict_named_method_on_an_attribute_holding_one_class_is_that_classs(
    tmp_path: Path,
) -> None:
    _, reasons = _analysed(tmp_path, API)
    assert "calls Endpoint.get (" in reasons["shop.report.describe"]
    assert "taken for it as every `products` holds one" in reasons["shop.report.describe"]


def test_an_attribute_some_object_sets_to_something_else_tells_nothing(tmp_path: Path) -> None:
    """``Catalog.products`` is a dict: ``client.products.get(key)`` may be ``dict.get``,
    so the call is no Endpoint's; the plan names it for review instead."""
    other = (
        API
        + """

    class Catalog:
        def __init__(self):
            self.products = {}
"""
    )
    analysis, reasons = _analysed(tmp_path, other)
    assert "shop.report.describe" not in reasons
    reviews = [r.reason for r in analysis.colouring.review if r.function == "shop.report.describe"]
    assert reviews and "cannot tell what `client.products.get()` calls" in reviews[0]


def test_attributes_set_together_hold_what_each_is_given(tmp_path: Path) -> None:
    """``self.api, self.name = api, name`` types ``self.api`` as ``self.api = api``
    would; a session made in such a statement is a session all the same, but the
    rewrite makes a client per loop only where a statement of its own makes it:
    it stays on requests, the plan asks for that statement, and nothing goes
    half-way."""
    made_together = API.replace(
        "self.session = requests.Session()", "self.session, self.n = requests.Session(), 1"
    )
    analysis, _ = _analysed(tmp_path, made_together)
    graph = analysis.graph
    assert graph.attr_type("shop.api.Endpoint", "api") == "shop.api.Api"
    assert graph.attr_type("shop.api.Api", "session") == "requests.Session"
    assert not analysis.colouring.async_functions
    reviews = [r.reason for r in analysis.colouring.review if r.function == "shop.api.Endpoint.get"]
    assert reviews and "make the session in a statement of its own" in reviews[0]
