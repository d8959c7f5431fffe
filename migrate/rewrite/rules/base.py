"""The shape every rule has: a code, a name, and the node types it handles.

A rule registers a method for the nodes it acts on, the way pyupgrade's
plugins ``@register(ast.Call)``::

    class Sleep(Rule):
        @on_leave(cst.Call)
        def leave_Call(self, original, updated): ...

``@on_visit`` methods see a node before its children (to note state);
``@on_leave`` methods get the original node (its position matches the plan)
and the node as rewritten so far, and return the new node. The transformer
calls nothing else, so a rule is only what it handles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeVar

import libcst as cst

from ..context import RuleContext

StatementResult = cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel

Method = TypeVar("Method", bound=Callable[..., Any])
When = Literal["visit", "leave"]

_MARK = "__migrate_hooks__"


def _register(when: When, types: tuple[type[cst.CSTNode], ...]) -> Callable[[Method], Method]:
    def mark(method: Method) -> Method:
        hooks: list[tuple[When, tuple[type[cst.CSTNode], ...]]] = getattr(method, _MARK, [])
        setattr(method, _MARK, [*hooks, (when, types)])
        return method

    return mark


def on_visit(*types: type[cst.CSTNode]) -> Callable[[Method], Method]:
    """Call the method with each node of these types, before its children."""
    return _register("visit", types)


def on_leave(*types: type[cst.CSTNode]) -> Callable[[Method], Method]:
    """Call the method with ``(original, updated)`` for each node of these types."""
    return _register("leave", types)


@dataclass(frozen=True)
class Hook:
    """One registration: ``method`` is called on ``when`` for nodes of ``types``."""

    when: When
    types: tuple[type[cst.CSTNode], ...]
    method: str


class Rule:
    """A rewrite rule: what it is (code, name, summary) and the hooks it registered."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx

    @classmethod
    def hooks(cls) -> list[Hook]:
        """The rule's registrations, in definition order (a rule's parts first)."""
        found: dict[str, list[Hook]] = {}
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                marks = getattr(value, _MARK, None)
                if marks:
                    found[name] = [Hook(when, types, name) for when, types in marks]
        return [hook for hooks in found.values() for hook in hooks]
