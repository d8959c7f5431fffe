"""``fn = getattr(self.session, method)`` kept in a local: where the local is only
called, each call is the session's (awaited once it is an AsyncClient, see
kept_lookups); handed on, it stays a value and the session stays on requests."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrate.analyse.run import analyse_paths

CLIENT = """
    import requests


    class Client:
        def __init__(self):
            self.session = requests.Session()

        def send(self, method, url):
            {use}
"""

KEPT = "fn = getattr(self.session, method.lower())\n        "
CALLED = KEPT + "return fn(url, timeout=5).json()"
HANDED = KEPT + "return retry(fn, url)"
CALLED_IN_LAMBDA = KEPT + "return retry(lambda: fn(url), url)"
REBOUND = KEPT + "fn = fn if method else None\n        return fn(url)"
# requests' own keywords, which the client's verbs would not take.
VERIFY = KEPT + "return fn(url, verify=False)"
VERIFY_AT_ONCE = "return getattr(self.session, method)(url, json={}, verify=False)"
# A body by position: httpx's verbs take it by keyword only.
POSITIONAL = KEPT + "return fn(url, {'a': 1})"
POSITIONAL_AT_ONCE = "return getattr(self.session, method)(url, {'a': 1})"


def _async(tmp_path: Path, use: str) -> set[str]:
    (tmp_path / "client.py").write_text(
        textwrap.dedent(CLIENT).replace("{use}", use) + "\n\ndef retry(f, *a):\n    return f(*a)\n"
    )
    return set(analyse_paths([tmp_path]).colouring.async_functions)


def test_a_verb_kept_in_a_local_only_called_is_the_client_s(tmp_path: Path) -> None:
    assert "client.Client.send" in _async(tmp_path, CALLED)


@pytest.mark.parametrize(
    "use",
    [HANDED, CALLED_IN_LAMBDA, REBOUND, VERIFY, VERIFY_AT_ONCE, POSITIONAL, POSITIONAL_AT_ONCE],
    ids=[
        "handed",
        "lambda",
        "rebound",
        "verify",
        "verify-at-once",
        "positional",
        "positional-at-once",
    ],
)
def test_a_verb_kept_otherwise_stays_a_value(tmp_path: Path, use: str) -> None:
    assert "client.Client.send" not in _async(tmp_path, use)


@pytest.mark.parametrize(
    ("use", "fix"),
    [
        (VERIFY_AT_ONCE, "set verify= on the session where it is made"),
        (POSITIONAL_AT_ONCE, "pass the body by keyword (data=, json=)"),
    ],
    ids=["verify-at-once", "positional-at-once"],
)
def test_a_lookup_called_at_once_with_what_httpx_refuses_says_so(
    tmp_path: Path, use: str, fix: str
) -> None:
    (tmp_path / "client.py").write_text(textwrap.dedent(CLIENT).replace("{use}", use))
    reasons = [r.reason for r in analyse_paths([tmp_path]).colouring.review]
    assert len(reasons) == 1, reasons
    # Called at once, the lookup is kept nowhere (its result is): the plan says why.
    assert "kept in" not in reasons[0]
    assert "called with" in reasons[0] and fix in reasons[0]
