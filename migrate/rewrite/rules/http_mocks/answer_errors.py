"""What a mock standing for a response says of ``is_error``, a part of MIG008
http-mocks (:mod:`.fake_responses` writes it).

The code reads ``r.is_error`` where it read ``r.ok`` (``not r.ok`` is
``r.is_error``) and guards ``raise_for_status()`` with it. A ``MagicMock``
answers any attribute with a truthy mock: requests' ``r.ok`` on it was "ok",
httpx's ``r.is_error`` on it is "an error", and the logic flips. So every
mock the test gives the code as a response says what the legacy one meant:

* ``is_error=False`` where it is made (the ``MagicMock()`` a moved patch now
  answers, ``return_value=Mock(...)``, ``get.return_value = MagicMock(...)``,
  ``resp = Mock()`` handed as one), unless it is given ``ok`` (which becomes
  ``is_error = not ok``) or ``status_code=s`` (``is_error=s >= 400``);
* ``K.is_error = s >= 400`` after ``K.status_code = s`` (``K`` the mock or a
  patch's ``get.return_value``), and ``K.is_error = True`` after
  ``K.raise_for_status.side_effect = error``: the call raised, and the guard
  must let it through;
* ``is_error=True`` where it is made when the test asserts the code called
  ``raise_for_status`` (``resp.raise_for_status.assert_called_once()``), which
  the guard would skip otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import libcst as cst
import libcst.matchers as m

from ...nodes import code_of, dotted_name, is_keyword
from .mixed_patches import requests_patch

# Mock classes whose instances tests configure attribute by attribute.
MOCK_CLASSES = frozenset({"Mock", "MagicMock", "NonCallableMock", "NonCallableMagicMock"})
# What the test reads of ``raise_for_status`` to say the code called it.
CALLED = frozenset(
    {"called", "call_count", "assert_called", "assert_called_once", "assert_called_with"}
    | {"assert_called_once_with", "assert_any_call", "assert_has_calls", "call_args"}
)
# What a mock made with one of these keywords already says (or must not be told).
SAID = frozenset({"ok", "is_error", "spec_set"})


def _made_mock(node: cst.BaseExpression) -> bool:
    """A mock class's call, or ``create_autospec(...)``: what ``resp`` may hold."""
    name = (dotted_name(node.func) or "") if isinstance(node, cst.Call) else ""
    return is_mock(node) or name.rsplit(".", 1)[-1] == "create_autospec"


def is_mock(node: cst.BaseExpression) -> bool:
    """``Mock(...)``, ``mock.MagicMock(...)``: a call of a sync mock class."""
    if not isinstance(node, cst.Call):
        return False
    return (dotted_name(node.func) or "").rsplit(".", 1)[-1] in MOCK_CLASSES


@dataclass
class Answers:
    """One function's response mocks, by the code naming them (``resp``,
    ``get.return_value``)."""

    keys: set[str] = field(default_factory=set)
    # Those the test sets ``ok`` on: that says it all.
    told_ok: set[str] = field(default_factory=set)
    # Those whose ``raise_for_status`` the test asserts was called.
    raise_called: set[str] = field(default_factory=set)
    # The mocks made for them (original calls), by the key each stands for.
    made: dict[cst.Call, str] = field(default_factory=dict)
    # The patches of requests handing the test a mock, by the name it takes.
    patches: dict[cst.BaseExpression, str] = field(default_factory=dict)
    # The statuses the test sets on each (``resp.status_code = 503``).
    statuses: dict[str, list[cst.BaseExpression]] = field(default_factory=dict)
    # Those made here, told ``is_error`` where they are made.
    defaulted: set[str] = field(default_factory=set)

    def default(self, key: str | None) -> cst.Name:
        """``True`` where the test asserts ``raise_for_status`` was called, else ``False``."""
        return cst.Name("True" if key in self.raise_called else "False")


def scan(
    function: cst.FunctionDef,
    answers: set[str],
    fakes: set[str],
    patches: Mapping[cst.BaseExpression, str],
    names: Mapping[str, str],
) -> Answers:
    """The response mocks of ``function``: ``fakes`` (mocks given a ``status_code``),
    the answers of the patches handing it ``answers``, and the mocks it hands on
    as one (``get.return_value = resp``, ``patch(..., return_value=resp)``)."""
    found = Answers(keys={*fakes, *(f"{a}.return_value" for a in answers)}, patches=dict(patches))
    made: dict[str, cst.Call] = {}
    mocks = {  # the names the function binds to mocks: only those are told
        cst.ensure_type(t.target, cst.Name).value
        for a in m.findall(function, m.Assign())
        if _made_mock(cst.ensure_type(a, cst.Assign).value)
        for t in cst.ensure_type(a, cst.Assign).targets
        if isinstance(t.target, cst.Name)
    }
    for node in m.findall(function, m.Assign() | m.Call()):
        if isinstance(node, cst.Call):
            if requests_patch(node, names) is None:
                continue
            given = next((a.value for a in node.args if is_keyword(a, "return_value")), None)
            key = f"{patches[node]}.return_value" if node in patches else None
            if given is None and key is not None:
                found.defaulted.add(key)  # the MagicMock the moved patch answers
            elif given is not None and is_mock(given) and key is not None:
                found.made[cst.ensure_type(given, cst.Call)] = key
            elif isinstance(given, cst.Name) and given.value in mocks:
                found.keys.add(given.value)
            continue
        assign = cst.ensure_type(node, cst.Assign)
        for target in (t.target for t in assign.targets):
            if isinstance(target, cst.Name) and is_mock(assign.value):
                made[target.value] = cst.ensure_type(assign.value, cst.Call)
            elif code_of(target) in found.keys and is_mock(assign.value):
                found.made[cst.ensure_type(assign.value, cst.Call)] = code_of(target)
            if (
                isinstance(assign.value, cst.Name)
                and assign.value.value in mocks
                and code_of(target) in found.keys
            ):
                found.keys.add(assign.value.value)  # get.return_value = resp
            if isinstance(target, cst.Attribute) and target.attr.value == "ok":
                found.told_ok.add(code_of(target.value))
            if isinstance(target, cst.Attribute) and target.attr.value == "status_code":
                found.statuses.setdefault(code_of(target.value), []).append(assign.value)
    found.made.update({call: name for name, call in made.items() if name in found.keys})
    found.defaulted.update(found.made.values())
    checked = m.Attribute(value=m.Attribute(attr=m.Name("raise_for_status")))
    for node in m.findall(function, checked):
        attribute = cst.ensure_type(node, cst.Attribute)
        if attribute.attr.value in CALLED:
            owner = cst.ensure_type(attribute.value, cst.Attribute).value
            found.raise_called.add(code_of(owner))
    return found


def at_least(status: cst.BaseExpression) -> cst.BaseExpression:
    """``status >= 400``, a literal status folded (``503`` -> ``True``)."""
    if isinstance(status, cst.Integer):
        return cst.Name("True" if int(status.value) >= 400 else "False")
    if not isinstance(status, cst.Name | cst.Attribute | cst.Call | cst.Subscript):
        status = status.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.Comparison(
        left=status,
        comparisons=[cst.ComparisonTarget(cst.GreaterThanEqual(), cst.Integer("400"))],
    )


def told(call: cst.Call, key: str | None, answers: Answers) -> cst.Call:
    """A mock made for a response, told ``is_error`` as the legacy one meant it."""
    if key in answers.told_ok or any(
        a.star or (a.keyword is not None and a.keyword.value in SAID) for a in call.args
    ):
        return call
    value: cst.BaseExpression = answers.default(key)
    status = next((a.value for a in call.args if is_keyword(a, "status_code")), None)
    if status is not None and key not in answers.raise_called:
        value = at_least(status)
    arg = cst.Arg(
        value,
        keyword=cst.Name("is_error"),
        equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
    )
    args = list(call.args)
    if args:
        args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return call.with_changes(args=[*args, arg])


def error_line(assign: cst.Assign, answers: Answers) -> cst.Assign | None:
    """``K.is_error = ...`` to follow ``K.status_code = s`` or
    ``K.raise_for_status.side_effect = error``; None after any other line."""
    if len(assign.targets) != 1 or not isinstance(assign.targets[0].target, cst.Attribute):
        return None
    target = assign.targets[0].target
    owner = target.value
    value: cst.BaseExpression
    if target.attr.value == "status_code":
        value, key = at_least(assign.value), code_of(owner)
        # Told where it was made already, when this is the only status it gets.
        told_so = key in answers.defaulted and len(answers.statuses.get(key, ())) == 1
        if key in answers.raise_called or (m.matches(value, m.Name("False")) and told_so):
            return None
    elif (
        target.attr.value == "side_effect"
        and m.matches(owner, m.Attribute(attr=m.Name("raise_for_status")))
        and not m.matches(assign.value, m.Name("None"))
    ):
        owner = cst.ensure_type(owner, cst.Attribute).value
        value = cst.Name("True")
        # Said already by the statuses set, each an error.
        statuses = [at_least(s) for s in answers.statuses.get(code_of(owner), ())]
        if statuses and all(m.matches(s, m.Name("True")) for s in statuses):
            return None
    else:
        return None
    key = code_of(owner)
    if key not in answers.keys or key in answers.told_ok:
        return None
    is_error = cst.Attribute(value=owner, attr=cst.Name("is_error"))
    return assign.with_changes(targets=[cst.AssignTarget(is_error)], value=value)
