"""MIG001, what a test asserts its requests patch was called with, in httpx's words.

A test patching one of requests' functions checks the call the code made:
``get.assert_called_once_with(url, allow_redirects=False, timeout=3)``. Where
the patch moves to httpx's client, the code's call is httpx's: its keywords
(``follow_redirects=``), its arguments after the URL are keywords (httpx's are
keyword-only: ``get(url, {"q": x})`` is ``get(url, params={"q": x})``), and
what httpx takes only on the client (``verify=``, ``cert=``, ``proxies=``,
``hooks=``) and what is requests' default (``data=None``) is no longer in it;
a text or bytes body (``data=json.dumps(d)``) is its ``content=``.
The expected call says the same (``assert_called_with``,
``assert_called_once_with``, ``assert_any_call``, the ``call(...)``s of
``assert_has_calls`` and of a comparison with ``call_args``/``call_args_list``/
``mock_calls``), and ``call_args.kwargs["allow_redirects"]`` is read as
``["follow_redirects"]``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import libcst as cst
import libcst.matchers as m

from ...nodes import dotted_name, keyword_arg, string_value
from ..http_common import is_raw_body
from .mixed_patches import requests_patch

ASSERTING = frozenset({"assert_called_with", "assert_called_once_with", "assert_any_call"})
RECORDS = frozenset({"call_args", "call_args_list", "mock_calls"})
RENAMED = {"allow_redirects": "follow_redirects"}
# Set on the client in httpx: the code's call no longer carries them.
ON_THE_CLIENT = frozenset({"verify", "cert", "proxies", "hooks"})
# Keywords whose None is no default (see http_kwargs.KEEP_NONE).
KEEP_NONE = frozenset({"allow_redirects", "timeout"})
# requests' arguments after the URL, by position (Session.request's after the method).
POSITIONAL = {
    "get": ("params",),
    "post": ("data", "json"),
    "put": ("data",),
    "patch": ("data",),
    "request": (
        "params",
        "data",
        "headers",
        "cookies",
        "files",
        "auth",
        "timeout",
        "allow_redirects",
        "proxies",
        "hooks",
        "stream",
        "verify",
        "cert",
        "json",
    ),
}
CALLS = frozenset({"call", "mock.call", "unittest.mock.call"})
FIXTURES = frozenset({"pytest.fixture", "fixture"})


def expected_call(call: cst.Call, verb: str) -> cst.Call:
    """The arguments of an expected call of requests' ``verb`` as httpx's call has
    them; ``call`` as it is where they cannot be told apart (``*args``, ``**kw``)."""
    if any(a.star for a in call.args):
        return call
    first = 2 if verb == "request" else 1
    positional = [a for a in call.args if a.keyword is None]
    extra = positional[first:]
    names = POSITIONAL.get(verb, ())
    if len(extra) > len(names):
        return call
    args = list(positional[:first])
    given = [(names[i], a.value) for i, a in enumerate(extra)]
    given += [(a.keyword.value, a.value) for a in call.args if a.keyword is not None]
    for key, value in given:
        if key in ON_THE_CLIENT or (key not in KEEP_NONE and m.matches(value, m.Name("None"))):
            continue
        if key == "data" and is_raw_body(value):
            key = "content"  # text or bytes: the code's call gives them so (see http_client)
        args.append(keyword_arg(RENAMED.get(key, key), value))
    if verb == "head" and not any(key == "allow_redirects" for key, _ in given):
        # requests' HEAD follows no redirect: the code's call says so to httpx.
        args.append(keyword_arg("follow_redirects", cst.Name("False")))
    if [a.keyword for a in args] == [a.keyword for a in call.args] and all(
        a.value is b.value for a, b in zip(args, call.args, strict=True)
    ):
        return call
    return call.with_changes(args=_commas(args, call.args))


def _commas(args: list[cst.Arg], was: Sequence[cst.Arg]) -> list[cst.Arg]:
    """``args`` laid out as the call laid out its own: each keeps the comma and the
    space after it of the argument at its place, the last the call's last's."""
    out = []
    for index, arg in enumerate(args):
        if index == len(args) - 1:
            source: cst.Arg | None = was[-1]
        else:
            source = was[index] if index < len(was) - 1 else None
        if source is None:
            out.append(
                arg.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
            )
        else:
            out.append(
                arg.with_changes(
                    comma=source.comma, whitespace_after_arg=source.whitespace_after_arg
                )
            )
    return out


def is_call_record(node: cst.BaseExpression, mocks: dict[str, str]) -> str | None:
    """The verb of the mock whose record ``node`` reads (``get.call_args``,
    ``get.call_args_list``); None for anything else."""
    if (
        isinstance(node, cst.Attribute)
        and node.attr.value in RECORDS
        and isinstance(node.value, cst.Name)
    ):
        return mocks.get(node.value.value)
    return None


def expected_calls(node: cst.BaseExpression, verb: str) -> cst.BaseExpression:
    """``call(...)``, or a list or tuple of them, each as :func:`expected_call` has it."""
    if isinstance(node, cst.Call) and dotted_name(node.func) in CALLS:
        return expected_call(node, verb)
    if isinstance(node, cst.List | cst.Tuple):
        return node.with_changes(
            elements=[e.with_changes(value=expected_calls(e.value, verb)) for e in node.elements]
        )
    return node


def renamed_key(node: cst.Subscript, mocks: dict[str, str]) -> cst.Subscript:
    """``get.call_args.kwargs["allow_redirects"]`` (or ``call_args[1][...]``) ->
    ``["follow_redirects"]``."""
    owner = node.value
    if isinstance(owner, cst.Attribute) and owner.attr.value == "kwargs":
        owner = owner.value
    elif isinstance(owner, cst.Subscript):
        owner = owner.value
    else:
        return node
    if is_call_record(owner, mocks) is None or len(node.slice) != 1:
        return node
    index = node.slice[0].slice
    key = string_value(index.value) if isinstance(index, cst.Index) else None
    if key not in RENAMED:
        return node
    assert isinstance(index, cst.Index)
    quote = cst.ensure_type(index.value, cst.SimpleString).quote
    new = index.with_changes(value=cst.SimpleString(f"{quote}{RENAMED[key]}{quote}"))
    return node.with_changes(slice=[node.slice[0].with_changes(slice=new)])


def fixture_mocks(module: cst.Module, patched: Mapping[str, str]) -> dict[str, str]:
    """The fixtures of ``module`` handing a test the mock of a patch of requests
    (``with mock.patch("api.requests.get") as m: yield m``, ``return
    mocker.patch(...)``), by name, with the verb each mock stands for."""
    found: dict[str, str] = {}
    for stmt in module.body:
        if not isinstance(stmt, cst.FunctionDef) or not any(
            dotted_name(d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator)
            in FIXTURES
            for d in stmt.decorators
        ):
            continue
        verbs = {name: verb for name, verb in bound_patches(stmt.body, patched).values()}
        for handed in m.findall(stmt, m.Yield() | m.Return()):
            given = handed.value if isinstance(handed, cst.Yield | cst.Return) else None
            if isinstance(given, cst.Name) and given.value in verbs:
                found[stmt.name.value] = verbs[given.value]
            elif isinstance(given, cst.BaseExpression):
                _note(found, stmt.name.value, requests_patch(given, patched))
    return found


def bound_patches(
    body: cst.CSTNode, patched: Mapping[str, str]
) -> dict[cst.BaseExpression, tuple[str, str]]:
    """The patches of requests in ``body`` that hand their own mock to a name
    (``with mock.patch("api.requests.get") as get``, ``get =
    mocker.patch(...)``): each patch call, with that name and the verb."""
    found: dict[cst.BaseExpression, tuple[str, str]] = {}
    binding = m.WithItem(asname=m.AsName(m.Name())) | m.Assign([m.AssignTarget(m.Name())])
    for node in m.findall(body, binding):
        target: cst.BaseExpression
        if isinstance(node, cst.WithItem):
            value, target = node.item, cst.ensure_type(node.asname, cst.AsName).name
        else:
            assign = cst.ensure_type(node, cst.Assign)
            value, target = assign.value, assign.targets[0].target
        patch = requests_patch(value, patched)
        if patch is not None and not patch[1]:
            found[value] = (cst.ensure_type(target, cst.Name).value, patch[0])
    return found


def _note(found: dict[str, str], name: str, patch: tuple[str, bool] | None) -> None:
    """``found[name]`` is the verb of ``patch``, a patch handing its own mock."""
    if patch is not None and not patch[1]:
        found[name] = patch[0]
