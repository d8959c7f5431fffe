"""MIG001, transports: what ``session.mount(prefix, HTTPAdapter(...))`` set up,
as the ``httpx.AsyncHTTPTransport`` the client is made with.

httpx has no adapters: a client takes ``transport=`` (every request) or
``mounts={"https://": ...}`` (by scheme and host) when it is made. What an
adapter carried maps as far as httpx can go:

* ``max_retries=n`` -> ``retries=n``: both retry a connection that could not
  be made; urllib3 also retried reads of idempotent requests, httpx does not;
* ``Retry(total=, connect=)`` -> ``retries=`` (``connect`` when given);
* what a Retry does on *responses* (``status_forcelist=``, ``status=``) ->
  the helper ``RetryTransport`` around the transport, with the Retry's
  keywords for them; its retries of *reads* (``read=``, ``other=``) have no
  httpx twin and are named in a TODO;
* ``pool_maxsize`` -> ``httpx.Limits(max_keepalive_connections=...)``, and
  ``pool_block=True`` bounds ``max_connections`` too (requests' default opens
  connections past the pool without keeping them).

A transport does not inherit the client's ``verify=``/``cert=``: they are
passed to it as well.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import libcst as cst
import libcst.matchers as m

from ..nodes import append_arg, code_of, dotted_name, keyword_arg, string_value

ADAPTER_PARAMS = ("pool_connections", "pool_maxsize", "max_retries", "pool_block")
RETRY_PARAMS = ("total", "connect", "read", "redirect", "status")
# What a Retry does on reads: no httpx twin.
RETRY_UNPORTABLE = ("read", "other")
# What it does on responses, as RetryTransport's keywords (urllib3 1.x's name
# for allowed_methods on the right).
RETRY_ON_STATUS = ("status", "status_forcelist")
STATUS_KEYWORDS = {
    **{
        key: key
        for key in (
            "total",
            *RETRY_ON_STATUS,
            "backoff_factor",
            "backoff_max",
            "allowed_methods",
            "respect_retry_after_header",
            "raise_on_status",
        )
    },
    "method_whitelist": "allowed_methods",
}
# Keywords that change nothing a transport needs to carry.
RETRY_HARMLESS = ("backoff_factor", "backoff_max", "raise_on_redirect", "redirect")


@dataclass
class Transport:
    """The keywords of one ``AsyncHTTPTransport(...)``, and what it could not carry."""

    args: list[cst.Arg] = field(default_factory=list)
    unported: list[str] = field(default_factory=list)
    # Names (``retry = Retry(...)``) whose value went into the transport.
    used: set[str] = field(default_factory=set)
    # RetryTransport's keywords, when the Retry retried responses.
    on_status: list[cst.Arg] | None = None


def _last_name(call: cst.BaseExpression) -> str | None:
    name = dotted_name(call.func) if isinstance(call, cst.Call) else None
    return name.rsplit(".", 1)[-1] if name else None


def _call_args(call: cst.Call, params: tuple[str, ...]) -> dict[str, cst.BaseExpression] | None:
    """Arguments by parameter name; None when ``*args``/``**kw`` hide them."""
    out: dict[str, cst.BaseExpression] = {}
    positional = [a for a in call.args if a.keyword is None]
    if any(a.star for a in call.args) or len(positional) > len(params):
        return None
    out.update(zip(params, (a.value for a in positional)))
    out.update({a.keyword.value: a.value for a in call.args if a.keyword is not None})
    return out


def _resolve(
    node: cst.BaseExpression, bindings: dict[str, cst.Call], used: set[str]
) -> cst.BaseExpression:
    if isinstance(node, cst.Name) and node.value in bindings:
        used.add(node.value)
        return bindings[node.value]
    return node


def adapter_transport(
    adapter: cst.BaseExpression,
    bindings: dict[str, cst.Call],
    http: Callable[[str], cst.Attribute],
) -> Transport | None:
    """The transport an ``HTTPAdapter(...)`` (or a name bound to one) stands for.

    None when ``adapter`` is not a plain HTTPAdapter (a subclass, an object
    made elsewhere): nothing can be said about it.
    """
    out = Transport()
    call = _resolve(adapter, bindings, out.used)
    if _last_name(call) != "HTTPAdapter":
        return None
    assert isinstance(call, cst.Call)
    params = _call_args(call, ADAPTER_PARAMS)
    if params is None:
        return None
    retries = params.get("max_retries")
    if retries is not None:
        _retries(_resolve(retries, bindings, out.used), out)
    maxsize = params.get("pool_maxsize")
    if maxsize is not None:
        block = params.get("pool_block")
        limits = [
            keyword_arg(
                "max_connections",
                maxsize
                if block is not None and not m.matches(block, m.Name("False"))
                else cst.Name("None"),
            ),
            keyword_arg("max_keepalive_connections", maxsize),
        ]
        out.args.append(
            keyword_arg("limits", cst.Call(http("Limits"), append_arg(limits[:1], limits[1])))
        )
    return out


def _retries(value: cst.BaseExpression, out: Transport) -> None:
    if _last_name(value) != "Retry":
        if isinstance(value, cst.Call):
            out.unported.append(f"max_retries={code_of(value)}")
        else:
            # An int (literal or constant): connection attempts to repeat.
            out.args.append(keyword_arg("retries", value))
        return
    assert isinstance(value, cst.Call)
    params = _call_args(value, RETRY_PARAMS)
    if params is None:
        out.unported.append("Retry(...) with unpacked arguments")
        return
    # ``connect=None`` falls back to ``total``, as urllib3 counts.
    count = params.get("connect")
    if count is None or m.matches(count, m.Name("None")):
        count = params.get("total")
    if count is not None and not m.matches(count, m.Name("None") | m.Name("False")):
        out.args.append(keyword_arg("retries", count))
    unset = m.Name("None") | m.Integer("0")
    if any(key in RETRY_ON_STATUS and not m.matches(arg, unset) for key, arg in params.items()):
        out.on_status = [
            keyword_arg(STATUS_KEYWORDS[key], arg)
            for key, arg in params.items()
            if key in STATUS_KEYWORDS
        ]
    unported = [
        key for key, arg in params.items() if key in RETRY_UNPORTABLE and not m.matches(arg, unset)
    ]
    if unported:
        out.unported.append("Retry(" + ", ".join(f"{key}=" for key in unported) + ")")


def mount_call(
    stmt: cst.BaseStatement, owner: str
) -> tuple[cst.BaseExpression, cst.BaseExpression] | None:
    """``owner.mount(prefix, adapter)`` -> (prefix, adapter)."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    expr = stmt.body[0]
    if not m.matches(
        expr, m.Expr(m.Call(func=m.Attribute(value=m.Name(owner), attr=m.Name("mount"))))
    ):
        return None
    call = cst.ensure_type(cst.ensure_type(expr, cst.Expr).value, cst.Call)
    if len(call.args) != 2 or any(a.star or a.keyword for a in call.args):
        return None
    return call.args[0].value, call.args[1].value


def mount_pattern(prefix: cst.BaseExpression) -> str | None:
    """A requests mount prefix as an httpx mount key; None when httpx cannot match it.

    httpx matches a scheme and a host (and port), never a path: a prefix
    with a path would cover more than it did.
    """
    text = string_value(prefix)
    if text is None or "://" not in text:
        return None
    scheme, _, rest = text.partition("://")
    host, _, path = rest.partition("/")
    if path:
        return None
    return f"{scheme}://{host}"
