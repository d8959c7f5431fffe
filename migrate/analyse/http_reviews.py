"""What moving to httpx changes that no edit can keep, where the plan can say so.

* a public function passing its ``**kwargs`` (or a dict parameter) on to a
  requests call: callers outside the project may pass requests-only names;
  ``httpx_kwargs`` translates ``allow_redirects``, ``stream``, str/bytes
  ``data`` and ``(connect, read)`` timeouts, but ``verify``, ``cert``,
  ``proxies`` and ``hooks`` belong to the client in httpx and raise TypeError;
* an error handler registered for ``requests.RequestException``: it is
  registered for ``json.JSONDecodeError`` too (httpx's ``.json()`` raises
  it), so the app's own JSON errors (``json.loads``) reach it as well, with
  another status than before;
* an urlopen call carried to httpx: urllib trusted the system's CA store,
  httpx trusts certifi's bundle;
* a test reading what only requests' session holds (``session.adapters``);
* a session its callers may hand in, where no caller shows one (``def
  fetch(url, session=None)``, ``session.get(url) if session else
  requests.get(url)``): its calls stay as written, blocking in async code.
"""

from __future__ import annotations

import ast

from .catalogue import Action
from .decisions import Colouring, Review
from .graph import CallGraph, session_reads_back
from .model import PARAM_PREFIX, Function, Span

REQUESTS_ONLY = "verify, cert, proxies, hooks"
# Calls that register a handler for one exception class (Flask, Starlette, FastAPI).
REGISTRATIONS = frozenset(
    {"register_error_handler", "errorhandler", "add_exception_handler", "exception_handler"}
)
# requests classes whose registration gains json.JSONDecodeError (MIG001's EXCEPTIONS).
WIDENED_TO_JSON = frozenset({"requests.RequestException", "requests.exceptions.RequestException"})


def http_reviews(graph: CallGraph, colouring: Colouring) -> list[Review]:
    """The plan's review items for what the move to httpx changes by itself."""
    reviews: list[Review] = []
    moves_requests = False
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        if not (fn.is_async or colouring.is_async(qualname)):
            continue
        for call, entry in calls:
            if entry.action is not Action.REWRITE or call.in_lambda:
                continue
            if entry.family == "urllib":
                reviews.append(Review(qualname, call.span, CA_STORE))
            elif entry.name.startswith("requests."):
                moves_requests = True
                if call.star_kwargs in fn.params and _is_public(fn):
                    reviews.append(
                        Review(qualname, call.span, _kwargs_reason(fn, call.star_kwargs))
                    )
        reviews += _optional_sessions(fn, {e.name.rsplit(".", 1)[-1] for _, e in calls})
    if moves_requests:
        reviews += _json_handlers(graph)
        reviews += _tests_reading_requests(graph)
    return reviews


def _optional_sessions(fn: Function, verbs: set[str]) -> list[Review]:
    """Calls of a verb the function also calls on requests, through a parameter that
    defaults to None and that no caller in the project types: a session handed in."""
    reviews = []
    for call in fn.calls:
        param, _, verb = (call.param_target or "").removeprefix(PARAM_PREFIX).partition(".")
        if call.target is None and param in fn.none_defaults and verb in verbs:
            reviews.append(
                Review(
                    fn.qualname,
                    call.span,
                    f"{call.text}() calls what callers hand in as {param} (no caller in the"
                    f" project shows one): a requests.Session there blocks the event loop in"
                    f" {fn.name}; hand in an httpx.AsyncClient and await its calls",
                )
            )
    return reviews


def _tests_reading_requests(graph: CallGraph) -> list[Review]:
    """A test reading what only requests' session holds (``session.adapters``) of a
    session that moves: library code doing so keeps the session on requests
    (``graph._kept_sessions``), a test's check is left to its author."""
    reviews = []
    for fn in graph.functions.values():
        if not graph.project.facts[fn.module].is_test_file:
            continue
        for read, key, why in session_reads_back(graph, fn):
            if key not in graph.kept_sessions:
                reviews.append(
                    Review(
                        fn.qualname,
                        read.span,
                        f"this test reads {read.text}, and {why}: check what the client"
                        " now holds instead",
                    )
                )
    return reviews


CA_STORE = (
    "urllib trusted the system's CA store, httpx trusts certifi's bundle: for an https URL"
    " whose certificate chains to a CA only the system trusts (a company CA), give the client"
    " verify=ssl.create_default_context()"
)


def _kwargs_reason(fn: Function, name: str | None) -> str:
    return (
        f"{fn.name}() is public and passes **{name} on to requests: callers outside the"
        " project may pass requests' names. allow_redirects, stream, str/bytes data and"
        f" (connect, read) timeouts are translated by httpx_kwargs; {REQUESTS_ONLY} (unless"
        " None) are set on the client in httpx and raise TypeError there: tell those"
        f" callers, or give {fn.name} a client of their own"
    )


def _is_public(fn: Function) -> bool:
    if fn.parent is not None or fn.name.startswith("_"):
        return False
    if fn.class_qualname and fn.class_qualname.rsplit(".", 1)[-1].startswith("_"):
        return False
    return not any(part.startswith("_") for part in fn.module.split("."))


def _json_handlers(graph: CallGraph) -> list[Review]:
    """Registrations of a handler for requests.RequestException (which MIG001 also
    registers for json.JSONDecodeError), in a project that parses JSON itself."""
    parses = [
        fn.qualname
        for fn in graph.functions.values()
        if not graph.project.facts[fn.module].is_test_file
        and any(graph.resolve(c.target) in ("json.loads", "json.load") for c in fn.calls)
    ]
    if not parses:
        return []
    reason = JSON_HANDLER.format(where=min(parses))
    reviews = []
    for module, facts in graph.project.facts.items():
        loaded = graph.project.files.get(module)
        if loaded is None or "RequestException" not in loaded.source.text:
            continue
        lines = loaded.source.text.splitlines()
        for fn in (f for f in graph.functions.values() if f.module == module):
            # ``@app.errorhandler(...)`` is a call too, made where the function is defined.
            for call in fn.calls:
                if call.text.rsplit(".", 1)[-1] not in REGISTRATIONS:
                    continue
                first = _first_argument(lines, call.span)
                head, _, rest = (first or "").partition(".")
                resolved = ".".join(filter(None, (facts.imports.get(head, head), rest)))
                if resolved in WIDENED_TO_JSON:
                    reviews.append(Review(fn.qualname, call.span, reason))
    return reviews


JSON_HANDLER = (
    "this handler of requests.RequestException is registered for json.JSONDecodeError too"
    " (httpx's .json() raises it): the app's own JSON errors (json.loads, as in {where})"
    " now reach it as well, with its status instead of the one they had (500, or a"
    " ValueError handler's); catch those where they happen if that matters"
)


def _first_argument(lines: list[str], span: Span) -> str | None:
    """The first argument of the call at ``span``, as a dotted name."""
    chunk = [line.encode() for line in lines[span.line - 1 : span.end_line]]
    if not chunk:
        return None
    chunk[-1] = chunk[-1][: span.end_col]
    chunk[0] = chunk[0][span.col :]
    try:
        tree = ast.parse(b"\n".join(chunk).decode(), mode="eval")
    except SyntaxError:
        return None
    call = tree.body
    if not isinstance(call, ast.Call) or not call.args:
        return None
    parts = []
    node = call.args[0]
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])
