"""A request function or a session's verb kept in a local only ever called, on its
own or as a branch of a conditional (``post = self.session.post if self.session
else requests.post``): each call of the local is the verb's (awaited, see
values.kept_verbs); a call httpx's verb would not take as written, a branch
that is no request function, or a local read other than to call it, keeps the
value, and the function stays sync."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrate.analyse.run import analyse_paths

CLIENT = """
    import requests


    def plain(url, **kwargs):
        return None


    class Client:
        def __init__(self):
            self.session = requests.Session()

        def send(self, url, body, flag):
            {use}
"""

EITHER = "post = self.session.post if flag else requests.post\n        "
CONVERTED = {
    "session-verb": "post = self.session.post\n        return post(url, data=body)",
    "module-function": "post = requests.post\n        return post(url, json=body)",
    "either": EITHER + "return post(url, data=body).json()",
    "called-later-in-block": EITHER + "if flag:\n            return post(url)\n        return None",
    # A client made for requests' function spans the statement holding both.
    "called-after-its-loop": "for _ in body:\n            post = requests.post\n"
    "        return post(url)",
    "looked-up-in-branch": "if flag:\n            post = getattr(requests, body)\n"
    "        return post(url)",
}
KEPT = {
    # requests' own keywords, a positional body (httpx's verbs take keywords), a body
    # for httpx's get (it takes none).
    "verify": EITHER + "return post(url, verify=False)",
    "positional-body": EITHER + "return post(url, body)",
    "body-for-get": "get = requests.get\n        return get(url, data=body)",
    # A branch that is no request function: its calls are not the verb's.
    "plain-branch": "post = self.session.post if flag else plain\n        return post(url)",
    "handed-on": "post = requests.post\n        return plain(url, post=post)",
}


def _async(tmp_path: Path, use: str) -> set[str]:
    (tmp_path / "client.py").write_text(textwrap.dedent(CLIENT).replace("{use}", use))
    return set(analyse_paths([tmp_path]).colouring.async_functions)


@pytest.mark.parametrize("use", CONVERTED.values(), ids=CONVERTED.keys())
def test_a_verb_kept_in_a_local_only_called_is_awaited(tmp_path: Path, use: str) -> None:
    assert "client.Client.send" in _async(tmp_path, use)


@pytest.mark.parametrize("use", KEPT.values(), ids=KEPT.keys())
def test_a_verb_kept_otherwise_stays_a_value(tmp_path: Path, use: str) -> None:
    assert "client.Client.send" not in _async(tmp_path, use)


def test_the_review_of_a_kept_value_names_its_own_function_s_calls(tmp_path: Path) -> None:
    use = "post = self.session.post if flag else plain\n        return post(url)"
    source = textwrap.dedent(CLIENT).replace("{use}", use)
    other = "\n\ndef elsewhere(post):\n    return post('u')\n"
    (tmp_path / "client.py").write_text(source + other)
    lines = source.splitlines()
    called = next(i for i, line in enumerate(lines, 1) if "return post(url)" in line)
    reviews = analyse_paths([tmp_path]).colouring.review
    reason = next(r.reason for r in reviews if "self.session.post is used as a value" in r.reason)
    assert f"kept in post, called at line {called})" in reason
