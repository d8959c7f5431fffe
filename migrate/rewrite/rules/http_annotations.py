"""MIG001, annotations: an annotation names what its value becomes.

``requests.Session`` (also inside ``Optional[...]``, ``X | None`` or a quoted
forward reference) becomes ``httpx.AsyncClient`` exactly where the plan says
the annotated session becomes one (``session_annotations``): a session kept
on requests keeps its annotation, whatever else its module moves to httpx.
``requests.Response`` and the other types follow the module's responses (see
``http_exceptions``). A parameter or local annotated as a response is a
response for the rule's attribute fixes (``raise_for_status()`` gets its guard).
"""

from __future__ import annotations

import re

import libcst as cst

from ...plan.edits import Pos
from ..nodes import dotted_name, optional_of
from .base import on_leave, on_visit
from .http_common import HttpRuleBase

# What requests' types are in httpx, in annotations.
ANNOTATED = {
    "Response": "Response",
    "Request": "Request",
    "PreparedRequest": "Request",
    "Session": "AsyncClient",
}
QUOTED_TYPE = re.compile(r"\brequests\.(" + "|".join(ANNOTATED) + r")\b")
RESPONSES = frozenset({"requests.Response", "requests.models.Response", "Response"})


class AnnotationRewrites(HttpRuleBase):
    _in_annotation = 0
    # The positions of the annotations being rewritten, innermost last.
    _annotations: list[Pos | None] = []

    def _requests_name(self, node: cst.BaseExpression) -> str | None:
        """``requests.Timeout`` as written, or a bare name imported from requests."""
        if isinstance(node, cst.Name):
            if id(node) in self.ctx.non_references:
                return None
            return self.ctx.edits.requests_aliases.get(node.value)
        return dotted_name(node)

    def _names_session(self, node: cst.Attribute | cst.Name) -> bool:
        return self._requests_name(node) in ("requests.Session", "requests.sessions.Session")

    def _annotated_session(self) -> cst.BaseExpression | None:
        """``httpx.AsyncClient`` for ``requests.Session`` in the annotation being
        rewritten, when its value becomes one; None to keep it."""
        if self._annotations[-1] not in self.ctx.edits.session_annotations:
            return None
        self.ctx.maybe_remove_import("requests")
        return self._httpx(ANNOTATED["Session"])

    def _names_response(self, annotation: cst.Annotation | None) -> bool:
        """``requests.Response`` (or ``Optional`` of it): what migrated code hands over."""
        node = optional_of(annotation.annotation) if annotation is not None else None
        text = dotted_name(node) if node is not None else None
        return self.ctx.edits.requests_aliases.get(text or "", text) in RESPONSES

    @on_visit(cst.AnnAssign)
    def visit_annotated_response(self, node: cst.AnnAssign) -> None:
        """``resp: requests.Response = ...``: a response whatever holds it first."""
        if isinstance(node.target, cst.Name) and self._names_response(node.annotation):
            self.functions[-1].responses.add(node.target.value)

    @on_visit(cst.Annotation)
    def visit_Annotation(self, node: cst.Annotation) -> None:
        self._in_annotation += 1
        self._annotations = [*self._annotations, self.ctx.pos(node.annotation)]

    @on_leave(cst.Annotation)
    def leave_Annotation(self, original: cst.Annotation, updated: cst.Annotation) -> cst.Annotation:
        self._in_annotation -= 1
        sessions = self._annotations[-1] in self.ctx.edits.session_annotations
        self._annotations = self._annotations[:-1]
        value = updated.annotation
        moved = self.ctx.edits.map_exceptions == "httpx"
        if not isinstance(value, cst.SimpleString) or not (moved or sessions):
            return updated

        # ``-> "requests.Response"``: a forward reference names the same types.
        def renamed(found: re.Match[str]) -> str:
            if not (sessions if found[1] == "Session" else moved):
                return found[0]
            return f"{self.module}.{ANNOTATED[found[1]]}"

        text = QUOTED_TYPE.sub(renamed, value.value)
        if text == value.value:
            return updated
        self.ctx.add_import(self.module)
        self.ctx.maybe_remove_import("requests")
        return updated.with_changes(annotation=value.with_changes(value=text))
