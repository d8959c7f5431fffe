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
from ..analyse.project import function_node
from ..analyse.tree import span_of

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
    read = _Functions(graph)
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
        given = _made_in(graph, read, owner, attr)
        if given is None or _handed(graph, owner, attr):
            continue
        moved: list[tuple[str, str]] = []
        for name in CARRIED:
            texts = {_keyword_text(read, fn, call, name) for fn, call in calls}
            text = texts.pop() if len(texts) == 1 else None
            if text is not None and _stable(graph, read, owner, text, name):
                moved.append((name, text))
        if not moved:
            continue
        found.settings[key] = tuple(moved)
        names = frozenset(n for n, _ in moved)
        found.dropped[key] = {(fn.module, call.span): (names, given) for fn, call in calls}
    return found


class _Functions:
    """The ``ast`` of the functions asked about, each module parsed once."""

    def __init__(self, graph: CallGraph) -> None:
        self.project = graph.project
        self.trees: dict[str, ast.Module] = {}

    def node(self, fn: Function) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        return function_node(fn, self.project, self.trees)

    def call_at(self, fn: Function, span: Span) -> ast.Call | None:
        """The call of ``fn`` that starts where ``span`` does."""
        node = self.node(fn)
        calls = (n for n in ast.walk(node) if isinstance(n, ast.Call)) if node else ()
        return next((c for c in calls if span_of(c) == span), None)


def _made_in(graph: CallGraph, read: _Functions, owner: str, attr: str) -> bool | None:
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
    assigned = next(
        (
            a.value
            for a in ast.walk(read.node(fn) or ast.Module(body=[], type_ignores=[]))
            if isinstance(a, ast.Assign | ast.AnnAssign)
            and any(span_of(t) == write.span for t in _targets(a))
        ),
        None,
    )
    # ``session or requests.Session()``, or another assignment: a client handed in.
    return len(writes) > 1 or not isinstance(assigned, ast.Call)


def _targets(assign: ast.Assign | ast.AnnAssign) -> list[ast.expr]:
    return assign.targets if isinstance(assign, ast.Assign) else [assign.target]


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


def _keyword_text(read: _Functions, fn: Function, call: Call, name: str) -> str | None:
    """The source of ``call``'s ``name=`` keyword, or None when it has none."""
    if name not in call.keywords or call.star_kwargs:
        return None
    node = read.call_at(fn, call.span)
    value = next((k.value for k in node.keywords if k.arg == name), None) if node else None
    return ast.unparse(value) if value is not None else None


def _stable(graph: CallGraph, read: _Functions, owner: str, text: str, setting: str) -> bool:
    """A constant, or ``self.<name>`` set only by ``__init__`` (the class's, a
    base's or a subclass's), no property: what a client made at any time after
    ``__init__`` reads the same. Not None for ``verify=`` (the session's own,
    which httpx does not take); ``cert=None`` is no client certificate in both."""
    value = ast.parse(text, mode="eval").body
    if isinstance(value, ast.Constant):
        return value.value is not None or setting == "cert"
    if not (
        isinstance(value, ast.Attribute)
        and isinstance(value.value, ast.Name)
        and value.value.id == "self"
    ):
        return False
    name = value.attr
    family = {owner, *graph.subclasses(owner), *graph.project_bases(owner)}
    if any(f"{cls}.{name}" in graph.functions for cls in family):
        return False  # a property: computed on each read
    for fn in graph.functions.values():
        for write in fn.writes:
            if write.text.rpartition(".")[2] != name:
                continue
            if fn.name != "__init__" or fn.class_qualname not in family:
                return False
            if setting != "cert" and _maybe_none(read, fn, write.span):
                return False
    return True


def _maybe_none(read: _Functions, init: Function, span: Span) -> bool:
    """Whether what ``init`` assigns at ``span`` may be None: the constant, or a
    parameter defaulting to it."""
    assign = next(
        (
            a
            for a in ast.walk(read.node(init) or ast.Module(body=[], type_ignores=[]))
            if isinstance(a, ast.Assign) and any(span_of(t) == span for t in a.targets)
        ),
        None,
    )
    if assign is None:
        return True
    value = assign.value
    if isinstance(value, ast.Constant):
        return value.value is None
    return isinstance(value, ast.Name) and value.id in init.none_defaults
