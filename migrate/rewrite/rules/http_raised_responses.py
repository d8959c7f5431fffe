"""Which responses a raised ``requests.HTTPError(msg, response=r)`` is given that
carry their request, a part of MIG001's exceptions.

``httpx.HTTPStatusError`` needs the request too, and the rewrite reads it off
the response (``request=r.request``). A test's own response class
(``class FakeResponse:`` with a ``status_code`` and ``json()``, raising
``requests.HTTPError(msg, response=self)`` from its ``raise_for_status()``)
has no ``request``: ``self.request`` would raise AttributeError on every
error path. requests took the request only when the response had one, and
so does the helpers module's ``StatusError``, which such a raise becomes:
``response=self`` in a plain class that gives its instances no ``request``,
or a name the module binds to an instance of one (``fake =
FakeResponse(404)``). A class with a base (``httpx.Response``, a mock
class) is taken to carry its request, as is anything else.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..context import RuleContext
from .base import on_leave, on_visit
from .http_common import HttpRuleBase

# ``request`` as a class gives it: ``request = ...``, ``def request``, ``self.request = ...``.
REQUEST = m.Name("request") | m.Attribute(m.Name("self"), m.Name("request"))


def _gives_request(node: cst.ClassDef) -> bool:
    """Whether a class gives its instances a ``request``: in its body, or as ``self.request``."""
    for target in m.findall(node, m.AssignTarget() | m.AnnAssign() | m.FunctionDef()):
        name = getattr(target, "target", None) or getattr(target, "name", None)
        if name is not None and m.matches(name, REQUEST):
            return True
    return False


def _plain(node: cst.ClassDef) -> bool:
    """A class of the module's own with no base but ``object`` and no ``request``."""
    bases = [b for b in node.bases if b.keyword is None]
    return all(m.matches(b.value, m.Name("object")) for b in bases) and not _gives_request(node)


class RaisedResponses(HttpRuleBase):
    """Tracks the classes around a raise and the module's plain ones."""

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self._class_plain: list[bool] = []
        self._plain_instances: set[str] = set()

    @on_visit(cst.Module)
    def visit_plain_instances(self, node: cst.Module) -> None:
        classes = [cst.ensure_type(c, cst.ClassDef) for c in m.findall(node, m.ClassDef())]
        plain = {c.name.value for c in classes if _plain(c)}
        self._plain_instances = set()
        for found in m.findall(node, m.Assign(value=m.Call(func=m.Name()))):
            assign = cst.ensure_type(found, cst.Assign)
            made = cst.ensure_type(cst.ensure_type(assign.value, cst.Call).func, cst.Name)
            if made.value in plain:
                self._plain_instances |= {
                    t.target.value for t in assign.targets if isinstance(t.target, cst.Name)
                }

    @on_visit(cst.ClassDef)
    def enter_raising_class(self, node: cst.ClassDef) -> None:
        self._class_plain.append(_plain(node))

    @on_leave(cst.ClassDef)
    def leave_raising_class(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        self._class_plain.pop()
        return updated

    def _carries_request(self, response: cst.BaseExpression) -> bool:
        """Whether ``response`` is not known to lack a ``request``: anything but
        ``self`` in a plain class, or a name bound to an instance of one."""
        if not isinstance(response, cst.Name):
            return True
        if response.value == "self":
            return not (self._class_plain and self._class_plain[-1])
        return response.value not in self._plain_instances
