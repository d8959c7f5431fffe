"""MIG008 http-mocks: a test's HTTP mocks move to ``respx`` with the client.

``responses`` and requests-mock patch requests only; once the code under
test sends through httpx, its mocks must move too, with the same URLs,
methods, statuses, bodies and call assertions. One module per library:
:mod:`.responses` and :mod:`.requests_mock` say what each becomes
(:mod:`.responses_objects` for ``RequestsMock`` objects);
:mod:`.unittest_mock` moves ``mock.patch`` of requests' functions to
httpx's, and :mod:`.fake_responses` renames what a mock standing in for a
response is given. What of requests-mock has no respx twin gets a TODO; a
test file using responses where respx has none keeps its mocks whole
(plan/responses_uses.py), as a mixed file does. A test file reaching code
that moves and code that keeps requests keeps its requests mocks, and
:mod:`.mixed` has respx hand them httpx's requests too, and
:mod:`.mixed_patches` gives its unittest.mock patches of requests httpx twins.
"""

from __future__ import annotations

import libcst as cst

from ...nodes import dotted_name
from ..base import on_leave
from .fake_responses import FakeResponses
from .mixed import MixedMocks
from .requests_mock import RequestsMock
from .responses_objects import ResponsesObjects


class HttpMocks(ResponsesObjects, RequestsMock, MixedMocks, FakeResponses):
    """MIG008: hands each node to the library that wrote it."""

    code = "MIG008"
    name = "http-mocks"
    summary = "responses mocks -> respx routes, with the same URLs, bodies and call assertions"

    @on_leave(cst.Decorator)
    def leave_Decorator(self, original: cst.Decorator, updated: cst.Decorator) -> cst.Decorator:
        if not self.ctx.edits.http_mocks:
            return updated
        if dotted_name(updated.decorator) != "responses.activate":
            return updated  # requests-mock's: see RequestsMock._rm_respx_test
        return self._responses_decorator(original, updated)

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if not self.ctx.edits.http_mocks or not isinstance(updated, cst.Attribute):
            return updated
        faked = self._fake_response_attribute(original, updated)
        if faked is not None:
            return faked
        if self._rm_frames or (dotted_name(original) or "").startswith("requests_mock."):
            converted = self._rm_attribute(original, updated)
            if converted is not None:
                return converted
        return self._responses_attribute(original, updated)

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        if not self.ctx.edits.http_mocks or not isinstance(updated, cst.Call):
            return updated
        updated = self._asserted_call(self._fake_response_call(original, updated))
        patched = self._um_call(original, updated)
        if patched is not None:
            return self._answered_patch(original, patched)
        moved = self._object_call(original, updated)
        if moved is not None:
            return moved
        if not (dotted_name(updated.func) or "").startswith("responses."):
            return self._rm_call(original, updated)
        return self._responses_call(original, updated)
