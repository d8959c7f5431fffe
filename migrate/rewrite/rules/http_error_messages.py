"""MIG001, error messages: httpx's errors are made with a message.

requests' exceptions take any arguments, none included, so code and tests
raise the bare class (``raise requests.ConnectionError``,
``side_effect=requests.Timeout``, ``requests.ConnectionError()``); Python and
mock make an instance with no arguments. httpx's ``RequestError`` family takes
a message (``httpx.ConnectError(message, *, request=None)``), so the same
statement would raise a ``TypeError`` instead. Where a class this rule mapped
is raised, made with no arguments or handed to a mock to raise, it is made
with the empty message, which is what ``str()`` of requests' error gave.
Catching it (``except``, ``pytest.raises``) is left alone.
"""

from __future__ import annotations

import libcst as cst

from .base import on_leave
from .http_common import HttpRuleBase

# httpx errors whose constructor wants a message: every RequestError, and the
# HTTPError/InvalidURL/TooManyRedirects bases. (HTTPStatusError also wants a
# request and a response, and is made through the helpers' StatusError.)
MESSAGE_REQUIRED = frozenset(
    {
        *("HTTPError", "RequestError", "TransportError", "NetworkError", "ConnectError"),
        *("ReadError", "WriteError", "CloseError", "ProxyError", "UnsupportedProtocol"),
        *("ProtocolError", "LocalProtocolError", "RemoteProtocolError", "DecodingError"),
        *("TimeoutException", "ConnectTimeout", "ReadTimeout", "WriteTimeout", "PoolTimeout"),
        *("TooManyRedirects", "InvalidURL"),
    }
)
# Where a mock raises what it is given: ``side_effect=`` or ``m.side_effect = ``.
MOCK_RAISES = "side_effect"
EMPTY_MESSAGE = cst.Arg(cst.SimpleString('""'))


class ErrorMessages(HttpRuleBase):
    def _became_error(self, original: cst.CSTNode, updated: cst.CSTNode) -> bool:
        """Whether this pass turned ``original`` into ``httpx.<Error>`` needing a message."""
        return (
            isinstance(updated, cst.Attribute)
            and isinstance(updated.value, cst.Name)
            and updated.value.value == self.module
            and updated.attr.value in MESSAGE_REQUIRED
            and not original.deep_equals(updated)
        )

    def _with_message(
        self, original: cst.BaseExpression, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """The class made with the empty message, or ``updated`` if it is not one."""
        if self._became_error(original, updated):
            return cst.Call(func=updated, args=[EMPTY_MESSAGE])
        if (
            isinstance(original, cst.List | cst.Tuple)
            and isinstance(updated, cst.List | cst.Tuple)
            and len(original.elements) == len(updated.elements)
        ):
            elements = [
                new.with_changes(value=self._with_message(old.value, new.value))
                for old, new in zip(original.elements, updated.elements, strict=True)
            ]
            return updated.with_changes(elements=elements)
        return updated

    @on_leave(cst.Raise)
    def leave_raised_error(
        self, original: cst.Raise, updated: cst.BaseSmallStatement
    ) -> cst.BaseSmallStatement:
        if not isinstance(updated, cst.Raise) or original.exc is None or updated.exc is None:
            return updated
        return updated.with_changes(exc=self._with_message(original.exc, updated.exc))

    @on_leave(cst.Call)
    def leave_made_error(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if not isinstance(updated, cst.Call):
            return updated  # another part made something else of it
        if self._became_error(original.func, updated.func) and not any(
            arg.star == "**" or (arg.keyword is None or arg.keyword.value == "message")
            for arg in updated.args
        ):
            return updated.with_changes(args=[EMPTY_MESSAGE, *updated.args])
        before = {_keyword(arg): arg.value for arg in original.args}
        if MOCK_RAISES not in before or len(original.args) != len(updated.args):
            return updated
        args = [
            arg.with_changes(value=self._with_message(before[MOCK_RAISES], arg.value))
            if _keyword(arg) == MOCK_RAISES
            else arg
            for arg in updated.args
        ]
        return updated.with_changes(args=args)

    @on_leave(cst.Assign)
    def leave_mock_raises(
        self, original: cst.Assign, updated: cst.BaseSmallStatement
    ) -> cst.BaseSmallStatement:
        if not isinstance(updated, cst.Assign) or not any(
            isinstance(t.target, cst.Attribute) and t.target.attr.value == MOCK_RAISES
            for t in original.targets
        ):
            return updated
        return updated.with_changes(value=self._with_message(original.value, updated.value))


def _keyword(arg: cst.Arg) -> str | None:
    return arg.keyword.value if arg.keyword else None
