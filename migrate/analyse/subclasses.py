"""Project classes deriving from ``requests.Session``: which become AsyncClient subclasses.

A ``class S(requests.Session)`` whose use of the session is all in httpx too
becomes ``class S(httpx.AsyncClient)``: its inherited request methods are an
AsyncClient's (``S().get(...)`` is awaited wherever instances go), its
overrides of ``request``/``get``... become async and await ``super()``, and
``with S() as s`` becomes ``async with``. httpx's verbs call ``self.request``
as requests' do, so an overridden ``request`` keeps working.

An attribute of its own named as one of the AsyncClient's (``self.base_url``)
takes a name of the class's own (see own_attributes). A class stays on
requests, with the reason named, when it uses what only requests has
(``self.mount``, ``self.verify``, an override of ``send`` or of a redirect
hook; ``auth`` read back it keeps as set, see SUBCLASS_VIEWS), defines a
name the AsyncClient uses otherwise (``timeout = 30`` in its body, or an
attribute read where no type says whose), has an override of ``request``
that looks at the keywords httpx hands on differently (``timeout``,
``data``, ``**kwargs``), derives from anything else too, or has a
module-level instance (one AsyncClient would serve every event loop). Its subclasses stay with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Protocol

from . import own_attributes
from .catalogue import HTTP_VERBS, BlockingCall, lookup
from .frameworks import (
    ASYNC_CLIENT_NAMES,
    AUTH_REQUEST_ATTRS,
    AUTH_REQUEST_READS,
    AUTH_REQUEST_WRITES,
    HTTPX_AUTH_NAMES,
    HTTPX_REQUEST_KEYWORDS,
    PER_CLIENT_KEYWORDS,
    REQUEST_KEYWORDS_CHANGED,
    REQUESTS_VIEW,
    SESSION_CLASS_DEFAULTS,
    SESSION_ONLY,
    SESSION_RENAMED,
    SESSION_TWINS,
    SUBCLASS_VIEWS,
    read_back_why,
)
from .model import Call, Decorator, Function, Span
from .project import Project
from .wrappers import wrapper_of

SESSION_BASES = frozenset({"requests.Session", "requests.sessions.Session"})
AUTH_BASES = frozenset({"requests.auth.AuthBase"})
# What resolves a name project-wide (``CallGraph.resolve``).
ResolveFn = Callable[[str | None], str | None]
REQUEST_METHODS = frozenset({*HTTP_VERBS, "request"})


@dataclass(kw_only=True)
class Extensions:
    """Project classes extending requests: which become httpx classes, why others stay.

    A base of the call graph, which fills it (:func:`decide_subclasses`).
    """

    # requests.Session subclasses that become AsyncClient subclasses, and the
    # ones that stay on requests with why.
    converted: frozenset[str] = frozenset()
    subclass_refusals: dict[str, str] = field(default_factory=dict)
    # Attributes such a class keeps for itself under a name the AsyncClient uses
    # (see own_attributes): by the class deriving from requests.Session, each
    # attribute's new name and where it is used (module, position).
    own_attrs: dict[str, dict[str, tuple[str, list[tuple[str, Span]]]]] = field(
        default_factory=dict
    )
    # Attributes some code reads back from such a class's instances that the
    # class keeps as set (``auth``: see SUBCLASS_VIEWS), by the class deriving
    # from requests.Session.
    kept_as_set: dict[str, set[str]] = field(default_factory=dict)
    # requests.auth.AuthBase subclasses that become httpx.Auth classes, and the
    # ones that stay on requests with why.
    converted_auths: frozenset[str] = frozenset()
    auth_refusals: dict[str, str] = field(default_factory=dict)


class SessionSubclasses:
    """The project's ``requests.Session`` subclasses: converted, or kept with a reason."""

    def __init__(
        self, project: Project, resolve: ResolveFn, wraps: Callable[[Decorator], bool]
    ) -> None:
        self.project = project
        self.resolve = resolve
        # Whether a decorator puts a project wrapper in place of what it decorates.
        self.wraps = wraps
        self.bases: dict[str, list[str]] = {
            cls: [resolve(b) or b for b in bases]
            for facts in project.facts.values()
            for cls, bases in facts.classes.items()
        }
        self.methods: dict[str, list[Function]] = {}
        for facts in project.facts.values():
            for fn in facts.functions.values():
                if fn.class_qualname and fn.parent is None:
                    self.methods.setdefault(fn.class_qualname, []).append(fn)
        self.class_attrs = {
            cls: attrs
            for facts in project.facts.values()
            for cls, attrs in facts.class_attrs.items()
        }
        self.instances = {
            typ: f"{module}.{name}"
            for module, facts in project.facts.items()
            for name, typ in facts.typed_names.items()
        }
        self._decided: dict[str, str | None] = {}
        # Refusals decided from outside the class (what it is handed).
        self.forced: dict[str, str] = {}
        self.own_attrs: dict[str, dict[str, tuple[str, list[tuple[str, Span]]]]] = {}

    def is_session(self, cls: str) -> bool:
        """Whether ``cls`` derives from requests.Session through project classes only."""
        seen: set[str] = set()
        current = cls
        while current in self.bases and current not in seen:
            seen.add(current)
            bases = self.bases[current]
            if len(bases) != 1:
                return any(b in SESSION_BASES for b in bases)
            if bases[0] in SESSION_BASES:
                return True
            current = bases[0]
        return False

    def session_root(self, cls: str) -> str:
        """The class of ``cls``'s family that derives from requests.Session itself."""
        seen: set[str] = set()
        current = cls
        while current in self.bases and current not in seen:
            seen.add(current)
            bases = self.bases[current]
            if any(b in SESSION_BASES for b in bases) or len(bases) != 1:
                return current
            current = bases[0]
        return current

    def converted(self) -> frozenset[str]:
        """The subclasses that become AsyncClient subclasses."""
        return frozenset(c for c in self.bases if self.is_session(c) and self.refusal(c) is None)

    def is_auth(self, cls: str) -> bool:
        """Whether ``cls`` derives from requests.auth.AuthBase itself."""
        return bool(set(self.bases.get(cls, ())) & AUTH_BASES)

    def auth_refusal(self, cls: str, called: bool) -> str | None:
        """Why an AuthBase subclass stays on requests (None: it becomes an httpx.Auth).

        ``called``: the project calls an instance itself (``auth(prepared)``), which
        an httpx.Auth is not.
        """
        name = cls.rsplit(".", 1)[-1]
        if len(self.bases[cls]) != 1:
            return f"{name} derives from more than requests.auth.AuthBase"
        if any(cls in bases for bases in self.bases.values()):
            return f"{name} has subclasses"
        if called:
            return f"{name} is called as a function, which an httpx.Auth is not"
        methods = {fn.name: fn for fn in self.methods.get(cls, [])}
        call = methods.get("__call__")
        if call is None:
            return f"{name} has no __call__ of its own"
        for method in methods:
            if method in HTTPX_AUTH_NAMES:
                return f"{name}.{method} would override httpx.Auth.{method}"
        if call.decorators or call.is_async or len(call.params) != 2:
            return f"{name}.__call__ is not a plain __call__(self, request)"
        param = call.params[1]
        for attr, written in call.argument_uses:
            if attr == "return":
                return f"{name}.__call__ returns something other than {param}"
            if attr == "":
                return f"{name}.__call__ hands {param} on whole: an httpx.Request is no other"
            if attr == "nested":
                return f"{name}.__call__ uses {param} in a function or class defined in it"
            if attr.endswith(":other"):
                attr = attr.removesuffix(":other")
                return f"{name}.__call__ sets {param}.{attr} other than by = or +="
            known = AUTH_REQUEST_WRITES if written else AUTH_REQUEST_ATTRS | AUTH_REQUEST_READS
            if attr not in known and attr.removesuffix("()") not in AUTH_REQUEST_ATTRS:
                verb = "sets" if written else "uses"
                return (
                    f"{name}.__call__ {verb} {param}.{attr.removesuffix('()')}, which an"
                    " httpx.Request has with another meaning or not at all"
                )
        return None

    def refusal(self, cls: str) -> str | None:
        """Why ``cls`` stays on requests (None: it becomes an AsyncClient subclass)."""
        if cls not in self._decided:
            self._decided[cls] = None  # a cycle of bases decides nothing more
            self._decided[cls] = self._refusal(cls)
        return self._decided[cls]

    def _refusal(self, cls: str) -> str | None:
        if cls in self.forced:
            return self.forced[cls]
        name = cls.rsplit(".", 1)[-1]
        bases = self.bases[cls]
        if len(bases) != 1:
            return f"{name} derives from more than requests.Session"
        if bases[0] not in SESSION_BASES:
            above = self.refusal(bases[0])
            if above is not None:
                return above
        instance = self.instances.get(cls)
        if instance is not None:
            return (
                f"{instance} is a module-level {name}: one AsyncClient would serve every event loop"
            )
        for attr in self.class_attrs.get(cls, ()):
            if attr in ASYNC_CLIENT_NAMES and attr not in SESSION_CLASS_DEFAULTS:
                return f"{name}'s body sets {attr}, which would hide httpx.AsyncClient.{attr}"
        defined = {fn.name for fn in self.methods.get(cls, [])}
        for fn in self.methods.get(cls, []):
            why = self._method_refusal(name, fn)
            if why is not None:
                return why
        for fn in self.methods.get(cls, []):
            for call in fn.calls:
                verb = call.text.rsplit(".", 1)[-1]
                through = call.text.startswith(("self.", "super("))
                given = sorted(set(call.keywords) & PER_CLIENT_KEYWORDS)
                if through and verb in REQUEST_METHODS and given:
                    return (
                        f"{name}.{fn.name} hands {given[0]}= on per request, which httpx takes"
                        " only when the client is made"
                    )
            for attr, written in _self_uses(fn):
                if attr in defined:
                    continue
                if attr in SESSION_ONLY:
                    return f"{name} uses self.{attr}: {SESSION_ONLY[attr]}"
                if written and attr in ASYNC_CLIENT_NAMES and attr not in SESSION_TWINS:
                    if self._own_attribute(cls, attr):
                        continue  # renamed for the class (see own_attributes)
                    return (
                        f"{name} sets self.{attr}, which httpx.AsyncClient has with another meaning"
                    )
        init = next((fn for fn in self.methods.get(cls, []) if fn.name == "__init__"), None)
        if init is not None and bases[0] in SESSION_BASES:
            supers = [
                c for c in init.calls if c.text.startswith("super(") and ".__init__" in c.text
            ]
            if not supers:
                return f"{name}.__init__ does not call requests.Session.__init__"
            if any(c.positional != 0 for c in supers):
                return f"{name}.__init__ gives requests.Session.__init__ positional arguments"
        return None

    def _own_attribute(self, cls: str, attr: str) -> bool:
        """Whether ``self.<attr>``, the class's own, can take a name of its own in the
        whole family of the class deriving from requests.Session."""
        root = cls
        while root in self.bases and (self.bases[root] or [""])[0] not in SESSION_BASES:
            root = (self.bases[root] or [""])[0]
        if attr in self.own_attrs.get(root, {}):
            return True
        family = {c for c in self.bases if c == root or self._derives(c, root)}
        found = own_attributes.uses(self.project, self.resolve, family, attr)
        if found is None:
            return False
        self.own_attrs.setdefault(root, {})[attr] = (own_attributes.own_name(root, attr), found)
        return True

    def _derives(self, cls: str, root: str) -> bool:
        seen: set[str] = set()
        while cls in self.bases and cls not in seen:
            seen.add(cls)
            if root in self.bases[cls]:
                return True
            cls = self.bases[cls][0] if self.bases[cls] else ""
        return False

    def _method_refusal(self, name: str, fn: Function) -> str | None:
        method = f"{name}.{fn.name}"
        if fn.name in SESSION_ONLY:
            return f"{method} overrides requests.Session.{fn.name}: {SESSION_ONLY[fn.name]}"
        if fn.name in SESSION_RENAMED:
            return f"{method} overrides requests.Session.{fn.name}: {SESSION_RENAMED[fn.name]}"
        if fn.name not in REQUEST_METHODS:
            if fn.name in ASYNC_CLIENT_NAMES:
                return f"{method} would override httpx.AsyncClient.{fn.name}"
            return None
        # A wrapper of the project's own (a rate limit that sleeps, a retry) becomes
        # async with the method and returns what it returns; any other decorator
        # could hand the caller something that is no coroutine.
        unknown = [d.text for d in fn.decorators if not self.wraps(d) and d.text != "property"]
        shape = (
            (fn.property and "is a property")
            or (fn.is_generator and "is a generator")
            or (fn.is_async and "is async already")
            or (unknown and f"is decorated with @{unknown[0]}")
        )
        if shape:
            return f"{method} {shape}: httpx's callers await it as the AsyncClient's own"
        changed = sorted(set(fn.params) & REQUEST_KEYWORDS_CHANGED - REQUESTS_VIEW)
        if changed:
            return (
                f"{method} takes {changed[0]}=, which httpx's verbs hand on with another"
                " value (USE_CLIENT_DEFAULT, or content= for a raw body)"
            )
        if fn.vararg and fn.varargs_read:
            # Handed on whole it stays empty: httpx's verbs pass everything by keyword.
            return f"{method} reads *{fn.vararg}: httpx passes its arguments by keyword"
        if fn.kwarg is None and fn.name == "request":
            missing = sorted(HTTPX_REQUEST_KEYWORDS - set(fn.params))
            if missing:
                return f"{method} takes no **kwargs, and httpx's verbs hand it {missing[0]}="
        if fn.kwarg is None and set(fn.params) & REQUESTS_VIEW:
            named = sorted(set(fn.params) & REQUESTS_VIEW)[0]
            return f"{method} takes {named}= but no **kwargs, where httpx hands on its twin"
        return None


def requests_view(fn: Function) -> bool:
    """Whether a converted request method gets its keywords back as requests' verbs
    hand them on (``requests_keywords``): it names requests' keywords or looks
    inside its ``**kwargs``."""
    return fn.kwarg is not None and bool(fn.kwargs_read or set(fn.params) & REQUESTS_VIEW)


def _self_uses(fn: Function) -> list[tuple[str, bool]]:
    """``self.<attr>`` a method uses: (attr, whether it sets or changes it)."""
    used = [(attr, True) for attr in (*fn.self_writes, *fn.self_counts)]
    for call in (*fn.calls, *fn.reads):
        parts = call.text.split(".")
        if len(parts) >= 2 and parts[0] == "self" and not call.context_manager:
            used.append((parts[1], False))
    return used


class Graph(Protocol):
    """What deciding needs of the call graph (``CallGraph``; no import cycle)."""

    project: Project
    functions: dict[str, Function]
    converted: frozenset[str]
    converted_auths: frozenset[str]
    subclass_refusals: dict[str, str]
    own_attrs: dict[str, dict[str, tuple[str, list[tuple[str, Span]]]]]
    kept_as_set: dict[str, set[str]]
    auth_refusals: dict[str, str]
    _resolved: dict[tuple[str, int], str | None]

    def resolve(self, name: str | None, depth: int = 0) -> str | None: ...

    def requests_extension(self, cls: str) -> str | None: ...

    def value_type(self, held: str | None) -> str | None: ...

    def keeps_requests(
        self, fn: Function, call: Call, entry: BlockingCall | None
    ) -> str | None: ...


def decide_subclasses(graph: Graph) -> None:
    """Which Session and AuthBase subclasses become httpx classes; why the others stay."""

    def wraps(decorator: Decorator) -> bool:
        target = graph.resolve(decorator.target)
        return wrapper_of(graph.functions, target, decorator.is_call) is not None

    subclasses = SessionSubclasses(graph.project, graph.resolve, wraps)
    _decide_sessions(graph, subclasses)
    auths = [cls for cls in subclasses.bases if subclasses.is_auth(cls)]
    # ``auth(prepared)``: an instance called (not the class, which makes one).
    called = {
        instance.removesuffix(".__call__")
        for fn in graph.functions.values()
        for call in fn.calls
        if (instance := graph.resolve(call.target) or "").removesuffix(".__call__") in auths
        and (
            instance.endswith(".__call__")
            or call.text.rsplit(".", 1)[-1] != instance.rsplit(".", 1)[-1]
        )
    }
    for cls in auths:
        why = subclasses.auth_refusal(cls, cls in called)
        if why is not None:
            graph.auth_refusals[cls] = why
    graph.converted_auths = frozenset(c for c in auths if c not in graph.auth_refusals)
    _refuse_auths_kept_code_uses(graph)
    while _refuse_sessions_given_requests_objects(graph, subclasses) or _refuse_read_back(
        graph, subclasses
    ):
        _refuse_auths_kept_code_uses(graph)


def _decide_sessions(graph: Graph, subclasses: SessionSubclasses) -> None:
    graph.subclass_refusals = {
        cls: why
        for cls in subclasses.bases
        if subclasses.is_session(cls) and (why := subclasses.refusal(cls)) is not None
    }
    graph.converted = subclasses.converted()
    graph.own_attrs = {
        cls: attrs for cls, attrs in subclasses.own_attrs.items() if cls in graph.converted
    }


def _refuse_sessions_given_requests_objects(graph: Graph, subclasses: SessionSubclasses) -> bool:
    """A converted subclass that keeps an object staying on requests in an attribute
    (``self.auth = TokenAuth(...)``, a requests auth) stays on requests with its
    subclasses: httpx would be handed it. Whether any was refused."""
    refused: dict[str, str] = {}
    graph._resolved.clear()
    for fn in graph.functions.values():
        owner = fn.class_qualname
        if owner not in graph.converted:
            continue
        for text, typ in fn.attr_sets:
            extended = graph.requests_extension(typ)
            if text.startswith("self.") and extended is not None:
                refused.setdefault(
                    owner,
                    f"{owner.rsplit('.', 1)[-1]} sets {text} to a {typ.rsplit('.', 1)[-1]},"
                    f" which stays on requests ({extended})",
                )
    return _refuse(graph, subclasses, refused)


def _refuse_read_back(graph: Graph, subclasses: SessionSubclasses) -> bool:
    """A converted subclass some code reads an attribute back from that the
    AsyncClient hands back otherwise (``session.auth[0]``: an httpx.Auth) keeps it
    as set, with a property of its own, where it can (SUBCLASS_VIEWS); else it
    stays on requests with its subclasses. Whether any was refused."""
    refused: dict[str, str] = {}
    graph.kept_as_set = {}
    for fn in graph.functions.values():
        for read in fn.reads:
            held, _, attr = (read.target or "").rpartition(".")
            owner = graph.value_type(graph.resolve(held) or held) or held
            why = read_back_why(attr, read.tested) if owner in graph.converted else None
            if why is not None and attr in SUBCLASS_VIEWS:
                graph.kept_as_set.setdefault(subclasses.session_root(owner), set()).add(attr)
            elif why is not None:
                where = f"{PurePath(graph.project.facts[fn.module].path).name}:{read.span.line}"
                refused.setdefault(owner, f"{read.text} is read ({where}), and {why}")
    return _refuse(graph, subclasses, refused)


def _refuse(graph: Graph, subclasses: SessionSubclasses, refused: dict[str, str]) -> bool:
    """Decides again with the classes ``refused`` names kept on requests, and why;
    whether there was any."""
    if not refused:
        return False
    subclasses.forced.update(refused)
    subclasses._decided.clear()
    _decide_sessions(graph, subclasses)
    return True


def _refuse_auths_kept_code_uses(graph: Graph) -> None:
    """An auth made where requests calls stay (a session that stays, a request
    built by hand) stays a requests auth: requests cannot call an httpx.Auth."""
    while graph.converted_auths:
        graph._resolved.clear()
        refused: dict[str, str] = {}
        for fn in graph.functions.values():
            made = [
                (call, target)
                for call in fn.calls
                if (target := graph.resolve(call.target)) in graph.converted_auths
            ]
            if not made:
                continue
            owner = fn.class_qualname
            kept = bool(owner and graph.requests_extension(owner))
            for call in fn.calls:
                target = graph.resolve(call.target)
                entry = lookup(target) if target else None
                kept = kept or graph.keeps_requests(fn, call, entry) is not None
            if kept:
                for _, target in made:
                    refused.setdefault(
                        target,
                        f"{target.rsplit('.', 1)[-1]} is handed to code that stays on requests"
                        f" ({fn.qualname})",
                    )
        if not refused:
            return
        graph.auth_refusals.update(refused)
        graph.converted_auths = graph.converted_auths - set(refused)
