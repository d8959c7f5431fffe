"""Every rule is registered, described, documented and has golden cases."""

from __future__ import annotations

import re
from pathlib import Path

import libcst as cst
import pytest

from migrate.rewrite.rules import BY_CODE, BY_NAME, RULES, Rule

from .harness import CASES, all_cases

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_described(rule: type[Rule]) -> None:
    assert re.fullmatch(r"MIG\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.strip()
    module = __import__(rule.__module__, fromlist=["_"])
    assert (module.__doc__ or "").strip().startswith(f"{rule.code} {rule.name}:")
    assert BY_CODE[rule.code] is rule and BY_NAME[rule.name] is rule


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_cases(rule: type[Rule]) -> None:
    cases = [c for c in all_cases() if c.rule == rule.name]
    assert cases, f"no folder under {CASES / rule.name}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_documented(rule: type[Rule]) -> None:
    text = DOCS.read_text()
    heading = re.search(rf"^## {rule.code} {re.escape(rule.name)}\b.*$", text, re.MULTILINE)
    assert heading, f"docs/rules.md has no '## {rule.code} {rule.name}' section"
    section = text[heading.end() :].split("\n## ", 1)[0]
    for part in ("Before", "After", "Behaviour", "TODO", "**Fix safety**: "):
        assert part in section, f"{rule.code}: no {part!r} in its section"


def test_case_folders_name_real_rules() -> None:
    for folder in CASES.iterdir():
        if folder.is_dir():
            assert folder.name in BY_NAME, f"{folder.name} is not a rule name"


def test_codes_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_module_is_named_after_the_rule(rule: type[Rule]) -> None:
    assert rule.__module__.rsplit(".", 1)[-1] == rule.name.replace("-", "_")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_hook_is_registered(rule: type[Rule]) -> None:
    """A ``visit_X``/``leave_X`` method without ``@on_visit``/``@on_leave`` is never called."""
    registered = {hook.method for hook in rule.hooks()}
    for klass in rule.__mro__:
        for name in vars(klass):
            if name.startswith(("visit_", "leave_")):
                assert name in registered, f"{klass.__name__}.{name} is not registered"
    for hook in rule.hooks():
        assert hook.types and all(issubclass(t, cst.CSTNode) for t in hook.types)
    # Only MIG010 works outside the libcst pass (on dependency files).
    assert bool(rule.hooks()) == (rule is not BY_NAME["dependencies"])
