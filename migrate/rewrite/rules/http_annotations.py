"""MIG001, annotations: an annotation names what its value becomes.

``requests.Session`` (also inside ``Optional[...]``, ``X | None`` or a quoted
forward reference) becomes ``httpx.AsyncClient`` exactly where the plan says
the annotated session becomes one (``session_annotations``): a session kept
on requests keeps its annotation, whatever else its module moves to httpx.
``requests.Response`` follows its value too where the plan knows it: a
parameter handed only httpx's responses (see ``analyse/responses.py``), a
local given a request call that moves, a function returning only such
responses: ``httpx.Response``, in a gradual step as well; one also handed
requests' keeps its annotation. The other types (and responses the plan
does not follow) go with the module's responses (see ``http_exceptions``).
A local annotated as a response is a response for the rule's attribute
fixes (``raise_for_status()`` gets its guard), and so is such a parameter
once every requests call of the project moves.
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
RESPONSES = frozenset({"requests.Response", "requests.models.Response"})
# How a response annotation may name it, bare names imported from requests included.
RESPONSE_NAMES = RESPONSES | {"Response"}


class AnnotationRewrites(HttpRuleBase):
    _in_annotation = 0
    # The positions of the annotations being rewritten, innermost last.
    _annotations: list[Pos | None] = []
    # Annotations of values the plan follows: whether the response they name is
    # httpx's now (True) or may still be requests' (False).
    _followed: dict[Pos, bool]

    @on_visit(cst.Module)
    def visit_annotations_module(self, node: cst.Module) -> None:
        self._followed = {}

    def follow_annotation(self, annotation: cst.Annotation | None, httpx: bool) -> None:
        """The response ``annotation`` names is httpx's (or not), whatever the module's are."""
        pos = self.ctx.pos(annotation.annotation) if annotation is not None else None
        if pos is not None:
            self._followed[pos] = httpx

    def _followed_response(self, original: cst.Attribute | cst.Name) -> bool | None:
        """For ``requests.Response`` in an annotation the plan follows: whether it
        becomes httpx's; None for any other name or annotation."""
        if not self._in_annotation or self._requests_name(original) not in RESPONSES:
            return None
        return self._followed.get(self._annotations[-1]) if self._annotations[-1] else None

    def _requests_name(self, node: cst.BaseExpression) -> str | None:
        """``requests.Timeout`` as written, or a bare name imported from requests."""
        if isinstance(node, cst.Name):
            if id(node) in self.ctx.non_references:
                return None
            return self.ctx.edits.requests_aliases.get(node.value)
        text = dotted_name(node)
        if text in self.ctx.edits.requests_aliases:  # ``errors.HTTPError``, re-exported
            return self.ctx.edits.requests_aliases[text]
        head, _, rest = (text or "").rpartition(".")
        # ``lookup.requests.HTTPError``; ``ex.HTTPError`` (``from requests import
        # exceptions as ex``, ``import requests.exceptions as ex``).
        named = self.ctx.edits.requests_aliases.get(head) if head else None
        if named is not None and (head.endswith(".requests") or "." not in head):
            if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name):
                self.ctx.maybe_remove_binding(head)  # if nothing else uses it once rewritten
            return f"{named}.{rest}"
        return text

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
        return self.ctx.edits.requests_aliases.get(text or "", text) in RESPONSE_NAMES

    @on_visit(cst.AnnAssign)
    def visit_annotated_response(self, node: cst.AnnAssign) -> None:
        """``resp: requests.Response = ...``: httpx's response when the call that makes
        it moves to httpx, or every requests call of the module does; a call that
        stays on requests (a session kept) still gives requests'."""
        if not isinstance(node.target, cst.Name) or not self._names_response(node.annotation):
            return
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        pos = self.ctx.pos(value) if value is not None else None
        edits = self.ctx.edits
        if pos in edits.http_calls:
            self.follow_annotation(node.annotation, httpx=True)
        elif not (pos in edits.awaits and pos in edits.response_results):
            if edits.map_exceptions != "httpx":
                return
        self.functions[-1].responses.add(node.target.value)

    @on_visit(cst.Annotation)
    def visit_Annotation(self, node: cst.Annotation) -> None:
        self._in_annotation += 1
        self._annotations = [*self._annotations, self.ctx.pos(node.annotation)]

    @on_leave(cst.Annotation)
    def leave_Annotation(self, original: cst.Annotation, updated: cst.Annotation) -> cst.Annotation:
        self._in_annotation -= 1
        pos = self._annotations[-1]
        sessions = pos in self.ctx.edits.session_annotations
        self._annotations = self._annotations[:-1]
        value = updated.annotation
        moved = self.ctx.edits.map_exceptions == "httpx"
        if pos is not None and pos in self._followed:
            moved = self._followed[pos]
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
