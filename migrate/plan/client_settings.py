"""TLS settings every request through a session gives alike: the client's.

requests takes ``verify=`` and ``cert=`` per request; httpx only when a client
is made, so per request they are dropped under a TODO, and the setting is lost
(``verify=False`` verifies again). A class whose requests through
``self._session`` all pass the same one (``verify=self.verify_ssl``), read from
an attribute only ``__init__`` sets (or a constant), gives it to the client its
method makes: ``httpx.AsyncClient(..., verify=self.verify_ssl)``, and the
requests drop it. The factory reads it when it makes a client, so the
attribute must not change after ``__init__``, nor be None (requests' "the
session's own", which httpx does not take). Where the class may hold a client
handed in instead, each request keeps a TODO: such a client keeps its own.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from ..analyse.catalogue import CONSTRUCTORS, HTTP_VERBS
from ..analyse.graph import CallGraph, session_key
from ..analyse.model import MAYBE_ATTR, Call, Function, Span

# What requests takes per request and httpx only on the client, carried here.
CARRIED = ("verify", "cert")
SENDING = frozenset({*HTTP_VERBS, "request"})


@dataclass
class ClientSettings:
    """Per session (its class, its attribute): the settings its client takes, and
    for each request through it (module, span) the keywords it drops and whether
    a TODO stays."""

    settings: dict[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    dropped: dict[tuple[str, str], dict[tuple[str, Span], tuple[frozenset[str], bool]]] = field(
        default_factory=dict
    )


def client_settings(graph: CallGraph) -> ClientSettings:
    """The settings that move from the requests through ``self.<attr>`` sessions to
    the clients made for them."""
    found = ClientSettings()
    through: dict[tuple[str, str], list[tuple[Function, Call]]] = {}
    for qualname, blocking in graph.blocking.items():
        fn = graph.functions[qualname]
        for call, entry in blocking:
            parts = call.text.split(".")
            if entry.family != "http-client" or len(parts) != 3 or parts[0] != "self":
                continue
            key = session_key(graph, fn, call.text)
            if key is not None and parts[2] in SENDING:
                through.setdefault(key, []).append((fn, call))
    for key, calls in through.items():
        owner, attr = key
        given = _made_in(graph, owner, attr)
        if given is None or _handed(graph, owner, attr):
            continue
        moved: list[tuple[str, str]] = []
        for name in CARRIED:
            texts = {_keyword_text(graph, fn, call, name) for fn, call in calls}
            text = texts.pop() if len(texts) == 1 else None
            if text is not None and _stable(graph, owner, text):
                moved.append((name, text))
        if not moved:
            continue
        found.settings[key] = tuple(moved)
        names = frozenset(n for n, _ in moved)
        found.dropped[key] = {(fn.module, call.span): (names, given) for fn, call in calls}
    return found


def _made_in(graph: CallGraph, owner: str, attr: str) -> bool | None:
    """Whether ``self.<attr>`` may hold a client handed in, when a method of
    ``owner``'s family makes the session there (``self.session =
    requests.Session()``, ``session or requests.Session()``): the client factory
    the rewrite puts in its place is a closure that sees ``self``. None when no
    method makes it."""
    family = {owner, *graph.subclasses(owner)}
    writes = [
        (fn, write)
        for fn in graph.functions.values()
        if fn.class_qualname in family
        for write in fn.writes
        if write.text == f"self.{attr}"
    ]
    made = [
        (fn, write)
        for fn, write in writes
        for call in fn.calls
        if CONSTRUCTORS.get(graph.resolve(call.target) or "") == "requests.Session"
        and call.span.line == write.span.line
    ]
    if not made:
        return None
    fn, write = made[0]
    line = graph.project.files[fn.module].source.text.splitlines()[write.span.line - 1]
    try:
        statement = ast.parse(line.strip()).body[0]
    except (SyntaxError, IndexError):
        return True
    alone = isinstance(statement, ast.Assign | ast.AnnAssign) and isinstance(
        statement.value, ast.Call
    )
    return len(writes) > 1 or not alone  # ``session or requests.Session()``: handed in


def _handed(graph: CallGraph, owner: str, attr: str) -> bool:
    """Whether the family hands ``self.<attr>`` to a call: requests made there, with
    settings of their own or none, would go through the same client."""
    family = {owner, *graph.subclasses(owner)}
    return any(
        held.endswith(f":{attr}") or held == f"{MAYBE_ATTR}{attr}"
        for fn in graph.functions.values()
        if fn.class_qualname in family
        for call in fn.calls
        for _, held in call.sessions_given
    )


def _keyword_text(graph: CallGraph, fn: Function, call: Call, name: str) -> str | None:
    """The source of ``call``'s ``name=`` keyword, or None when it has none."""
    if name not in call.keywords or call.star_kwargs:
        return None
    node = _parsed(graph, fn.module, call.span)
    if node is None:
        return None
    value = next((k.value for k in node.keywords if k.arg == name), None)
    return ast.unparse(value) if value is not None else None


def _parsed(graph: CallGraph, module: str, span: Span) -> ast.Call | None:
    """The call at ``span`` of ``module`` (columns are UTF-8 offsets, as ``ast``'s)."""
    lines = graph.project.files[module].source.text.splitlines()[span.line - 1 : span.end_line]
    if len(lines) != span.end_line - span.line + 1:
        return None
    encoded = [line.encode() for line in lines]
    encoded[-1] = encoded[-1][: span.end_col]
    encoded[0] = encoded[0][span.col :]
    try:
        tree = ast.parse(b"\n".join(encoded).decode(), mode="eval")
    except (SyntaxError, UnicodeDecodeError):
        return None
    return tree.body if isinstance(tree.body, ast.Call) else None


def _stable(graph: CallGraph, owner: str, text: str) -> bool:
    """A constant other than None, or ``self.<name>`` set only by ``__init__`` (not
    from a parameter defaulting to None), no property: what a client made at any
    time after ``__init__`` reads the same."""
    value = ast.parse(text, mode="eval").body
    if isinstance(value, ast.Constant):
        return value.value is not None
    if not (
        isinstance(value, ast.Attribute)
        and isinstance(value.value, ast.Name)
        and value.value.id == "self"
    ):
        return False
    name = value.attr
    family = {owner, *graph.subclasses(owner)}
    if any(f"{cls}.{name}" in graph.functions for cls in family):
        return False  # a property: computed on each read
    for fn in graph.functions.values():
        for write in fn.writes:
            if write.text.rpartition(".")[2] != name:
                continue
            if fn.name != "__init__" or fn.class_qualname not in family:
                return False
            if not _set_plainly(graph, fn, name):
                return False
    return True


def _set_plainly(graph: CallGraph, init: Function, name: str) -> bool:
    """``self.<name> = <value>`` in ``init``, where value is no None: not the
    constant, nor a parameter defaulting to it."""
    source = graph.project.files[init.module].source.text
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.FunctionDef) and node.lineno == init.span.line):
            continue
        for stmt in ast.walk(node):
            if not isinstance(stmt, ast.Assign):
                continue
            if not any(
                isinstance(t, ast.Attribute) and t.attr == name and ast.unparse(t.value) == "self"
                for t in stmt.targets
            ):
                continue
            value = stmt.value
            if isinstance(value, ast.Constant) and value.value is None:
                return False
            if isinstance(value, ast.Name) and value.id in init.none_defaults:
                return False
        return True
    return False
