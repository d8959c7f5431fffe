"""Methods a library calls on the objects it is handed: they stay sync.

A ``requests.PreparedRequest`` subclass's ``prepare``, an ``HTTPAdapter``'s
``send``, a ``logging.Handler``'s ``emit``, a ``json.JSONEncoder``'s
``default``, and a ``requests.Session`` subclass's ``request`` where the class
stays on requests: the library calls them synchronously, so as ``async def`` they
would hand it a coroutine it never awaits. Such an override stays sync (the
plan names why), and whatever async code it reaches is bridged there, as a
thread's ``run`` is (see threads).
"""

from __future__ import annotations

from collections.abc import Callable

from .catalogue import HTTP_VERBS
from .graph import CallGraph
from .model import Function
from .subclasses import SESSION_BASES

_PREPARED = frozenset(
    {
        "prepare",
        "prepare_method",
        "prepare_url",
        "prepare_headers",
        "prepare_cookies",
        "prepare_body",
        "prepare_content_length",
        "prepare_auth",
        "prepare_hooks",
        "copy",
    }
)
_ADAPTER = frozenset(
    {
        "send",
        "close",
        "build_response",
        "get_connection",
        "get_connection_with_tls_context",
        "cert_verify",
        "request_url",
        "add_headers",
        "proxy_headers",
        "init_poolmanager",
        "proxy_manager_for",
    }
)
# Library classes, and the methods of theirs the library itself calls.
LIBRARY_CALLED: dict[str, frozenset[str]] = {
    "requests.models.PreparedRequest": _PREPARED,
    "requests.PreparedRequest": _PREPARED,
    "requests.models.Request": frozenset({"prepare"}),
    "requests.Request": frozenset({"prepare"}),
    "requests.adapters.BaseAdapter": _ADAPTER,
    "requests.adapters.HTTPAdapter": _ADAPTER,
    "requests.HTTPAdapter": _ADAPTER,
    "logging.Handler": frozenset({"emit", "handle", "flush", "close", "format"}),
    "logging.StreamHandler": frozenset({"emit", "handle", "flush", "close", "format"}),
    "logging.Filter": frozenset({"filter"}),
    "logging.Formatter": frozenset({"format", "formatTime", "formatException"}),
    "json.JSONEncoder": frozenset({"default", "encode", "iterencode"}),
    "socketserver.BaseRequestHandler": frozenset({"setup", "handle", "finish"}),
    "http.server.BaseHTTPRequestHandler": frozenset({"setup", "handle", "finish"}),
}


# requests.Session's methods that requests itself, or code kept on requests, calls:
# in a subclass that stays on requests (subclasses.py), an override stays sync.
SESSION_METHODS = frozenset(
    {
        *("request", "send", "prepare_request", "merge_environment_settings", "get_adapter"),
        *("rebuild_auth", "rebuild_proxies", "rebuild_method", "resolve_redirects"),
        *("get_redirect_target", "should_strip_auth", "mount", "close"),
        *HTTP_VERBS,
    }
)


def library_call_boundary(fn: Function, graph: CallGraph) -> str | None:
    """Why ``fn`` stays sync when it overrides a method its library base calls."""
    base = library_base(fn, graph, lambda cls: fn.name in LIBRARY_CALLED.get(cls, ()))
    if base is None and fn.name in SESSION_METHODS and fn.class_qualname in graph.subclass_refusals:
        # PDSession.request retrying with time.sleep: requests' own get() calls it.
        base = library_base(fn, graph, SESSION_BASES.__contains__)
    return f"called by {base.split('.')[0]} ({base}.{fn.name})" if base else None


def library_base(fn: Function, graph: CallGraph, wanted: Callable[[str], bool]) -> str | None:
    """The first class ``fn``'s class is or derives from (through project classes)
    that ``wanted`` accepts, if any."""
    if fn.class_qualname is None:
        return None
    seen: set[str] = set()
    todo = [fn.class_qualname]
    while todo:
        current = graph.resolve(todo.pop()) or ""
        if wanted(current):
            return current
        if current in seen:
            continue
        seen.add(current)
        facts = graph.project.facts.get(current.rpartition(".")[0])
        todo.extend(facts.classes.get(current, ()) if facts else ())
    return None
