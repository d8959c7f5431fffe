"""Fakes a test puts in place of a function (migrate/analyse/patches.py).

Every way of patching that the analysis knows is one line of a test here;
the note it leaves says what is replaced and by what, so colouring can make
the fake async when the target becomes async.
"""

from __future__ import annotations

import textwrap

from migrate.analyse.facts import analyse_source
from migrate.analyse.model import Patch

SOURCE = """
import time
from unittest import mock
from unittest.mock import MagicMock, patch

from app import client


class Fake:
    def __call__(self, i):
        return {}


def fake_fetch(i):
    return {}


def test_forms(monkeypatch):
    monkeypatch.setattr(client, "fetch", fake_fetch)
    monkeypatch.setattr("app.client.fetch", lambda i: {})
    monkeypatch.setattr(client, "TIMEOUT", 3)
    mock.patch("app.client.fetch", fake_fetch)
    mock.patch("app.client.fetch", new=fake_fetch)
    patch("app.client.fetch")
    mock.patch.object(client, "fetch", MagicMock(return_value={}))
    instance = Fake()
    monkeypatch.setattr(client, "fetch", instance)
    monkeypatch.setattr(client, "fetch", Fake())
    client.fetch = fake_fetch
    self.fetch = fake_fetch
    monkeypatch.setattr(time, "sleep", lambda s: None)
    monkeypatch.setattr(unknown_owner, "fetch", fake_fetch)
    monkeypatch.setattr(client)
"""


def patches() -> list[Patch]:
    facts = analyse_source(textwrap.dedent(SOURCE), "tests.test_x", "tests/test_x.py", False)
    return facts.functions["tests.test_x.test_forms"].patches


def test_every_form_notes_what_it_replaces_and_with_what() -> None:
    noted = [(p.target, p.fake, p.wrap, p.is_mock) for p in patches()]
    assert noted == [
        ("app.client.fetch", "tests.test_x.fake_fetch", False, False),
        ("app.client.fetch", None, True, False),  # a lambda: wrapped in AsyncMock
        ("app.client.fetch", "tests.test_x.fake_fetch", False, False),
        ("app.client.fetch", "tests.test_x.fake_fetch", False, False),
        ("app.client.fetch", None, False, False),  # patch() makes its own mock
        ("app.client.fetch", None, False, True),
        ("app.client.fetch", "tests.test_x.Fake.__call__", False, False),
        ("app.client.fetch", "tests.test_x.Fake.__call__", True, False),
        ("app.client.fetch", "tests.test_x.fake_fetch", False, False),
        ("time.sleep", None, True, False),
        (None, "tests.test_x.fake_fetch", False, False),
    ]


def test_a_constant_or_a_call_without_a_name_is_no_fake() -> None:
    assert all(p.target != "app.client.TIMEOUT" for p in patches())


def test_the_owner_as_written_is_kept_for_retargeting() -> None:
    first, second, *_ = patches()
    assert first.target_span is not None and second.target_span is not None
    # setattr(client, ...) points at ``client``; setattr("app.client.fetch", ...) at the string.
    assert (first.target_span.end_col - first.target_span.col) == len("client")
    assert (second.target_span.end_col - second.target_span.col) == len('"app.client.fetch"')
    # ``client.fetch = fake_fetch``: the owner as written, and a name read back.
    assigned = patches()[8]
    assert assigned.target_span is not None
    assert (assigned.target_span.end_col - assigned.target_span.col) == len("client")
    assert assigned.assigned == "read"
    assert first.assigned == second.assigned == ""


def test_urlopen_fakes_move_with_the_calls_and_its_mocks_are_named(tmp_path) -> None:
    from migrate.analyse.run import analyse_paths

    (tmp_path / "status.py").write_text(
        "import urllib.request\n\n\n"
        "def is_up(url):\n"
        "    with urllib.request.urlopen(url, timeout=2) as resp:\n"
        "        return resp.status == 200\n"
    )
    (tmp_path / "test_status.py").write_text(
        textwrap.dedent(
            """\
            from unittest import mock

            import status


            def test_fake(monkeypatch):
                monkeypatch.setattr(status.urllib.request, "urlopen", lambda url, timeout: 1)
                status.is_up("u")


            def test_mock():
                with mock.patch("status.urllib.request.urlopen") as urlopen:
                    urlopen.return_value.status = 200
                    status.is_up("u")
            """
        )
    )
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    fakes = [(f.function, f.urlopen) for f in colouring.fakes if f.urlopen]
    assert fakes == [("test_status.test_fake", "url")]
    reviews = [r for r in colouring.review if r.function == "test_status.test_mock"]
    assert [r.reason.split(":")[0] for r in reviews] == ["a mock of urlopen"]


def test_a_sleep_faked_through_the_module_under_test_is_retargeted(tmp_path) -> None:
    from migrate.analyse.run import analyse_paths

    (tmp_path / "poll.py").write_text(
        "import time\n\nimport requests\n\n\n"
        "def wait_ready(url):\n"
        "    while requests.get(url).status_code != 200:\n"
        "        time.sleep(1)\n"
    )
    (tmp_path / "test_poll.py").write_text(
        "import poll\n\n\n"
        "def test_wait(monkeypatch):\n"
        '    monkeypatch.setattr(poll.time, "sleep", lambda s: None)\n'
        '    poll.wait_ready("u")\n'
    )
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert [(f.target, f.retarget is not None) for f in colouring.fakes] == [("time.sleep", True)]


def test_pytest_mocks_stubs_are_mocks_the_test_asserts_on() -> None:
    """``mocker.stub()`` inline is a plain mock, made an AsyncMock where what it
    replaces becomes async. One held in a local is not wrapped (specced on a
    function, it passes for a coroutine function, and ``AsyncMock(side_effect=stub)``
    would await what it returns): it becomes an AsyncMock where it is made."""
    source = """
        from app import client


        def test_stubbed(monkeypatch, mocker):
            stub = mocker.stub()
            monkeypatch.setattr(client, "fetch", stub)
            monkeypatch.setattr(client, "fetch", mocker.stub())
            monkeypatch.setattr(client, "fetch", mocker.MagicMock())
    """
    facts = analyse_source(textwrap.dedent(source), "tests.test_y", "tests/test_y.py", False)
    patches = facts.functions["tests.test_y.test_stubbed"].patches
    assert [(p.wrap, p.is_mock) for p in patches] == [(False, True)] * 3
    assert [p.span.line for p in patches] == [6, 8, 9]  # the local's where it is made
