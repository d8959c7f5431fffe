"""Values no project method runs on, so a call on them needs no review.

A call the analysis cannot resolve (``d.get(key)``) may reach a project
method of that name that becomes async; on a name that only ever holds
plain values (a literal or display, a builtin container, ``os.environ``, a
parsed body ``resp.json()``, an instance's ``__dict__``) or on a mapping an HTTP
library holds (``r.headers``, ``request.args``) it cannot, and the plan asks
nothing of it.
"""

from __future__ import annotations

import ast
import re
import sys

from .defaults import optional_member
from .flow import FlowVisitor
from .names import dotted
from .scopes import PLAIN_TYPES

# Values made by their own syntax: literals, displays, comprehensions, f-strings.
PLAIN_DISPLAYS = (
    ast.Constant,
    ast.JoinedStr,
    ast.Dict,
    ast.List,
    ast.Set,
    ast.Tuple,
    ast.DictComp,
    ast.ListComp,
    ast.SetComp,
)


# Attributes HTTP libraries and servers hold mappings in (a response's ``headers``,
# ``cookies``, ``links``; a request's ``args``, ``form``): ``r.headers.get(k)``
# reads a mapping, never a project manager's ``get``.
MAPPING_ATTRIBUTES = "headers|cookies|links|environ|args|form|files|query_params"
_ON_A_MAPPING = re.compile(rf"\.(?:{MAPPING_ATTRIBUTES})(?:\.get\(\))?\.\w+$")

# pytest's own fixtures (and pytest-mock's): a test's parameter of one of these names
# holds pytest's object, which runs no project method.
PYTEST_FIXTURES = frozenset(
    {"monkeypatch", "capsys", "capfd", "caplog", "tmp_path", "tmpdir", "recwarn", "mocker"}
)


class PlainValues(FlowVisitor):
    """The analyser's reading of plain values (its scopes and facts)."""

    def plain_value(self, node: ast.expr) -> bool:
        """Whether ``node`` is a value no project method runs on: a literal or display,
        a builtin container made, an attribute of a standard module (``os.environ``),
        a parsed body (``resp.json()``) or an item of one."""
        if isinstance(node, PLAIN_DISPLAYS):
            return True
        if isinstance(node, ast.Subscript):
            return self.plain_value(node.value)
        if isinstance(node, ast.Attribute) and node.attr == "__dict__":
            return True  # an instance's own dict
        if isinstance(node, ast.Call):
            # ``resp.json()``: a body parsed into dicts, lists and strings.
            if isinstance(node.func, ast.Attribute) and node.func.attr == "json" and not node.args:
                return True
            return self.resolve(node.func) in PLAIN_TYPES
        parts = dotted(node)
        if not parts or len(parts) < 2 or parts[0] not in self.facts.imports:
            return False
        if any(parts[0] in s.bound or parts[0] in s.params for s in self.scopes):
            return False
        return self.facts.imports[parts[0]].split(".")[0] in sys.stdlib_module_names

    def plain_receiver(self, text: str, func: ast.expr) -> bool:
        """Whether ``text`` (``d.get``) is called on a name holding only plain values,
        or on a display (``{6: Image}.get``)."""
        if isinstance(func, ast.Attribute) and isinstance(func.value, PLAIN_DISPLAYS):
            return True
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Subscript):
            return self.plain_value(func.value)  # ``self.__dict__["_attrs"].get(k)``
        if on_a_mapping(text):
            return True
        if ".__dict__." in f"{text}.":
            return True  # ``self.__dict__.update(attrs)``: the instance's dict
        head, dot, _ = text.partition(".")
        for scope in reversed(self.scopes) if dot else ():
            if head in scope.plain:
                return True
            if scope.function is not None and head == scope.function.kwarg:
                return head == text.rpartition(".")[0]  # ``kwargs.get(k)``: a dict
            if head in PYTEST_FIXTURES and head in scope.params and self.facts.is_test_file:
                return True
            if head in scope.bound or head in scope.params or head in scope.local_types:
                return False
        return False

    def _plain_annotation(self, node: ast.expr | None) -> bool:
        node = optional_member(node, self.resolve)
        if isinstance(node, ast.Subscript):
            node = node.value
        return node is not None and self.resolve(node) in PLAIN_TYPES


def on_a_mapping(text: str) -> bool:
    """``r.headers.get`` (see MAPPING_ATTRIBUTES): a call on a mapping a library holds."""
    return _ON_A_MAPPING.search(text) is not None
