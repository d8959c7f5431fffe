"""MIG001, a sync httpx client's arguments as an ``AsyncClient`` takes them.

Code already on httpx hands its ``Client`` a sync transport (``transport=
httpx.HTTPTransport(retries=3)``, or one per pattern under ``mounts=``), which
an AsyncClient cannot send through (no ``handle_async_request``): it becomes
``AsyncHTTPTransport`` with the same arguments. An AsyncClient awaits each
event hook it calls, and a plain function's None would raise TypeError: each
hook is handed on through the helper ``event_hook``, which calls it and awaits
what it returns when that is awaitable (a hook that became async). A sync
transport made apart (``transport = httpx.HTTPTransport(retries=n)``, then
``transport=transport``) in a module whose httpx clients become async clients
becomes the async one too.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ..nodes import dotted_name
from .base import on_leave
from .http_common import HttpRuleBase

# httpx's sync transports -> their async twins (MockTransport serves both).
SYNC_TRANSPORTS = {"HTTPTransport": "AsyncHTTPTransport"}
EVENT_HOOK = "event_hook"
RESPONSE_HOOK = "response_hook"


def async_client_args(
    args: list[cst.Arg],
    http: Callable[[str], cst.Attribute],
    use_helper: Callable[[str], str],
) -> list[cst.Arg]:
    """``args`` of ``httpx.Client(...)`` as ``httpx.AsyncClient(...)`` takes them."""
    out = []
    for arg in args:
        key = arg.keyword.value if arg.keyword is not None else None
        value = arg.value
        if key == "transport":
            value = _async_transport(value, http)
        elif key == "mounts" and isinstance(value, cst.Dict):
            value = value.with_changes(
                elements=[
                    e.with_changes(value=_async_transport(e.value, http))
                    if isinstance(e, cst.DictElement)
                    else e
                    for e in value.elements
                ]
            )
        elif key == "event_hooks" and isinstance(value, cst.Dict):
            value = value.with_changes(
                elements=[
                    e.with_changes(value=_awaited_hooks(e.value, use_helper))
                    if isinstance(e, cst.DictElement)
                    else e
                    for e in value.elements
                ]
            )
        # Laid out afresh: the call they came from held the line breaks before them.
        out.append(
            arg.with_changes(
                value=value,
                comma=cst.MaybeSentinel.DEFAULT,
                whitespace_after_arg=cst.SimpleWhitespace(""),
            )
        )
    return out


def _async_transport(
    value: cst.BaseExpression, http: Callable[[str], cst.Attribute]
) -> cst.BaseExpression:
    if not isinstance(value, cst.Call):
        return value
    name = (dotted_name(value.func) or "").rpartition(".")[2]
    if name not in SYNC_TRANSPORTS:
        return value
    return value.with_changes(func=http(SYNC_TRANSPORTS[name]))


def _awaited_hooks(
    hooks: cst.BaseExpression, use_helper: Callable[[str], str]
) -> cst.BaseExpression:
    if not isinstance(hooks, cst.List | cst.Tuple):
        return hooks
    wrapped = []
    for element in hooks.elements:
        hook = element.value
        # ``response_hook(check)``, a requests hook carried, is awaited already.
        if isinstance(element, cst.Element) and not (
            isinstance(hook, cst.Call) and dotted_name(hook.func) in (EVENT_HOOK, RESPONSE_HOOK)
        ):
            hook = cst.Call(cst.Name(use_helper(EVENT_HOOK)), [cst.Arg(hook)])
        wrapped.append(element.with_changes(value=hook))
    return hooks.with_changes(elements=wrapped)


class SyncTransports(HttpRuleBase):
    """``httpx.HTTPTransport(...)`` made apart from the client it is handed to."""

    @on_leave(cst.Call)
    def leave_sync_transport(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if not isinstance(updated, cst.Call):
            return updated
        name = (dotted_name(updated.func) or "").rpartition(".")[2]
        if name not in SYNC_TRANSPORTS:
            return updated  # every call of every file passes here: the cheap test first
        edits = self.ctx.edits
        moving = [
            *edits.client_constructors.values(),
            *(e.entry.name for e in edits.http_calls.values()),
        ]
        if not any(k.startswith("httpx") for k in moving):
            return updated
        return _async_transport(updated, self._httpx)
