"""The real-world harness reads each suite's JUnit report (``make realworld``
itself downloads projects, so it is not part of ``make test``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _harness():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("realworld_run", ROOT / "realworld" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_failure_without_a_message_is_counted_and_named(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    report.write_text(
        '<testsuites><testsuite name="pytest">'
        '<testcase classname="tests.test_api" name="test_ok"/>'
        '<testcase classname="tests.test_api" name="test_bare_assert">'
        '<failure message=""/></testcase>'
        '<testcase classname="tests.test_api" name="test_boom">'
        '<error message="RuntimeError: boom&#10;more"/></testcase>'
        '<testcase classname="tests.test_api" name="test_later"><skipped message="no"/></testcase>'
        "</testsuite></testsuites>"
    )
    counts, failing = _harness()._junit(report)
    assert counts == {"passed": 1, "failed": 1, "errors": 1, "skipped": 1}
    assert failing == [
        ("tests.test_api::test_bare_assert", ""),
        ("tests.test_api::test_boom", "RuntimeError: boom"),
    ]


def test_a_project_a_second_run_changes_does_not_pass() -> None:
    harness = _harness()
    result = harness.Result("demo", "1.0", "a client", 5, 5, 5, 5, files_changed=2)
    result.library_changed = 1
    assert result.ok
    result.second_run = ["demo/api.py"]
    assert not result.ok
