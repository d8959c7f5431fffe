"""HTTP methods chosen by the code that calls ``request``: constants, parameters, unknowns.

``session.request("GET", url)`` reads and ``session.request("POST", url)``
writes; ``session.request(method, url)`` sends whatever ``method`` holds. When
``method`` is a parameter of a wrapper (``def call(method, path)``), each of
the wrapper's call sites says which: ``call("GET", p)`` reads, ``call(verb, p)``
with ``verb`` known only at run time may write. A method nothing here can name
is :data:`UNKNOWN`, and counts as a possible write.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .catalogue import HTTP_VERBS
from .given import param_defaults
from .model import PARAM_PREFIX, Call, Function

# The catalogue's method for ``request``: the method is the call's own, not known here.
UNKNOWN = "REQUEST"
# In a function's set of methods: the one its parameter ``name`` holds ("param:name").
PARAM = "param:"
METHODS = frozenset(v.upper() for v in HTTP_VERBS)


def constant_method(node: ast.expr | None) -> str | None:
    """``"get"`` -> "GET"; None for anything but a string naming an HTTP method."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        method = node.value.upper()
        return method if method in METHODS else None
    return None


def note_method(call: Call, node: ast.Call, value_of: Callable[[ast.expr], str | None]) -> None:
    """What ``node``, a ``request`` call, sends: a constant method, or the method
    the enclosing function's parameter holds (``value_of`` says which names are)."""
    method = node.args[0] if node.args else None
    for keyword in node.keywords:
        if keyword.arg == "method":
            method = keyword.value
    if isinstance(method, ast.Constant) and isinstance(method.value, str):
        call.http_verb = method.value.upper()
    elif isinstance(method, ast.Name):
        held = value_of(method)
        if held == PARAM_PREFIX + method.id:
            call.method_param = method.id


def methods_given(node: ast.Call) -> tuple[tuple[str, str], ...]:
    """The HTTP methods a call is given as constants, by position (``"0"``) or keyword."""
    found = [
        (str(i), m) for i, arg in enumerate(node.args) if (m := constant_method(arg)) is not None
    ]
    found += [
        (kw.arg, m)
        for kw in node.keywords
        if kw.arg is not None and (m := constant_method(kw.value)) is not None
    ]
    return tuple(found)


def method_defaults(node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[tuple[str, str], ...]:
    """Parameters whose default names an HTTP method (``method="GET"``)."""
    pairs = param_defaults(node)
    return tuple((a, m) for a, d in pairs if (m := constant_method(d)) is not None)


def given(callee: Function, call: Call, offset: int, param: str) -> str:
    """The method ``call`` hands ``callee``'s parameter ``param``: a constant,
    ``PARAM + name`` for the caller's own parameter, or :data:`UNKNOWN`."""
    index = callee.params.index(param) if param in callee.params else -1
    position = index - offset
    slot = None
    if 0 <= index < callee.positional and call.positional >= 0 and 0 <= position < call.positional:
        slot = str(position)
    elif param in call.keywords:
        slot = param
    elif call.positional < 0 or "**" in call.keywords:
        return UNKNOWN  # maybe handed through ``*args``/``**kwargs``
    if slot is None:
        return dict(callee.method_defaults).get(param, UNKNOWN)
    constant = dict(call.methods_given).get(slot)
    if constant is not None:
        return constant
    values = list(call.arg_values) if slot.isdigit() else []
    held = values[int(slot)] if slot.isdigit() and int(slot) < len(values) else None
    if not slot.isdigit():
        held = dict(call.kwarg_values).get(slot)
    if held is not None and held.startswith(PARAM_PREFIX) and "." not in held[len(PARAM_PREFIX) :]:
        return PARAM + held[len(PARAM_PREFIX) :]
    return UNKNOWN


def offset_of(callee: Function, call: Call) -> int:
    """1 when ``call`` passes ``self`` (or ``cls``) implicitly, else 0."""
    if callee.class_qualname is None:
        return 0
    decorators = {d.text for d in callee.decorators}
    if "classmethod" in decorators:
        return 1  # ``Forecast.load(service, city)``: ``cls`` is passed, through the class too
    return int(not call.unbound and "staticmethod" not in decorators)


def resolved(verbs: set[str], callee: Function, call: Call) -> set[str]:
    """``verbs``, a callee's methods, as one of its call sites sends them."""
    found = {v for v in verbs if not v.startswith(PARAM)}
    offset = offset_of(callee, call)
    for verb in verbs - found:
        found.add(given(callee, call, offset, verb[len(PARAM) :]))
    return found


def unknown_reason(callee: str, method: str = "") -> str:
    """Why calls whose method is chosen at run time keep their order, and what would not."""
    held = f" ({method})" if method else ""
    return (
        f"{callee} sends an HTTP method chosen at run time{held}, which may be a"
        " POST/PUT/PATCH/DELETE whose order the upstream observes; a constant GET, HEAD"
        " or OPTIONS would let the calls run together (so would --allow-reorder, when"
        " the writes are independent)"
    )
