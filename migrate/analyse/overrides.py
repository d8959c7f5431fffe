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
_REQUEST_HANDLERS = (
    "socketserver.BaseRequestHandler",
    "socketserver.StreamRequestHandler",
    "socketserver.DatagramRequestHandler",
)
_HTTP_HANDLERS = (
    "http.server.BaseHTTPRequestHandler",
    "http.server.SimpleHTTPRequestHandler",
    "http.server.CGIHTTPRequestHandler",
    "wsgiref.simple_server.WSGIRequestHandler",
)
_HTTP_HANDLER = frozenset(
    {
        *("setup", "handle", "finish", "handle_one_request", "parse_request"),
        *("send_head", "send_error", "log_message", "log_request", "log_error"),
        *("version_string", "date_time_string", "list_directory", "translate_path"),
        *(f"do_{verb.upper()}" for verb in HTTP_VERBS),
        *("do_TRACE", "do_CONNECT"),
    }
)
_SERVERS = (
    "socketserver.BaseServer",
    "socketserver.TCPServer",
    "socketserver.UDPServer",
    "socketserver.ThreadingTCPServer",
    "http.server.HTTPServer",
    "http.server.ThreadingHTTPServer",
    "wsgiref.simple_server.WSGIServer",
)
_SERVER = frozenset(
    {
        *("verify_request", "process_request", "finish_request", "handle_error"),
        *("handle_timeout", "service_actions", "server_bind", "server_activate"),
        *("shutdown_request", "close_request", "get_request", "handle_request"),
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
    **dict.fromkeys(_REQUEST_HANDLERS, frozenset({"setup", "handle", "finish"})),
    # ``do_GET`` and the rest: the handler calls ``do_<command>`` by name.
    **dict.fromkeys(_HTTP_HANDLERS, _HTTP_HANDLER),
    **dict.fromkeys(_SERVERS, _SERVER),
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
    """Why ``fn`` stays sync when it overrides a method its library base calls (by
    its own name, or one its class body binds it to: ``do_GET = _handle``)."""
    facts = graph.project.facts.get(fn.module)
    aliases = facts.method_aliases.get(fn.class_qualname or "", {}) if facts else {}
    names = {fn.name, *(alias for alias, method in aliases.items() if method == fn.name)}
    base = library_base(fn, graph, lambda cls: bool(names & LIBRARY_CALLED.get(cls, set())))
    if base is None and fn.name in SESSION_METHODS and fn.class_qualname in graph.subclass_refusals:
        # PDSession.request retrying with time.sleep: requests' own get() calls it.
        base = library_base(fn, graph, SESSION_BASES.__contains__)
    if base is None:
        return None
    called = next((n for n in sorted(names) if n in LIBRARY_CALLED.get(base, ())), fn.name)
    return f"called by {base.split('.')[0]} ({base}.{called})"


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
        module = current.rpartition(".")[0]
        while module and module not in graph.project.facts:
            module = module.rpartition(".")[0]  # a class defined in a function
        facts = graph.project.facts.get(module)
        todo.extend(facts.classes.get(current, ()) if facts else ())
    return None
