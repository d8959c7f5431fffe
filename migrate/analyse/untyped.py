"""Why a name the type flow leaves untyped has no one type (see typeflow).

The plan's reasons: the types some assignments give an attribute and where
another value comes from, or the first cause traced back along what is
assigned to it (the class made or the function called where no call shows
what it is given, or the place that hands in a value of no known type).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Protocol

from .defaults import SESSION_TYPES
from .given import given
from .model import PARAM_PREFIX, Call, Function, Span
from .project import Project

# The lattice of what a name holds: nothing seen yet, one type, or not one type.
NONE_YET = ""
UNKNOWN = "?"

# ("param", function, name), ("attr", class family, name), or ("forwarded", function,
# "<index>.<name>"): what a function's callers give its ``*args``/``**kwargs`` there.
Key = tuple[str, str, str]


class Graph(Protocol):
    """What the flow asks of the call graph it is computed for (see graph.CallGraph)."""

    project: Project
    functions: dict[str, Function]

    def resolve(self, name: str | None, depth: int = 0) -> str | None: ...

    def chosen(self, call: Call) -> list[str]: ...

    def instance_call(self, call: Call, target: str) -> str | None: ...

    def escaping_classes(self) -> set[str]: ...

    def subclasses(self, cls: str) -> list[str]: ...

    def attr_type(self, cls: str, attr: str) -> str | None: ...

    def slot_made(self, name: str) -> str | None: ...

    def handed_classes(self) -> frozenset[tuple[str, Span]]: ...


def reaches_unknown(graph: Graph, call: Call) -> bool:
    """Whether ``call`` (no callee known) may reach a project method of its name, so
    that method may be called where no call site shows what it is given: not a
    library's (``requests.post``), nor one through a parameter, which the flow types."""
    target = call.target or ""
    if call.param_target or (target and not target.startswith("<")):
        return bool(target) and graph.project.module_of(target) is not None
    return True


def caller_names(graph: Graph, fn: Function) -> list[str]:
    """The names a module calling ``fn`` mentions: its own, or for ``__init__`` its
    class's or a subclass's."""
    owner = fn.class_qualname
    if fn.name == "__init__" and owner:
        return [c.rsplit(".", 1)[-1] for c in (owner, *graph.subclasses(owner))]
    return [fn.name]


class WhyUntyped:
    """The part of :class:`~migrate.analyse.typeflow.TypeFlow` that explains."""

    graph: Graph
    functions: dict[str, Function]
    classes: set[str]
    family: dict[str, str]
    attr_writes: set[str]
    assigns: dict[tuple[str, str], list[tuple[Function, str | None]]]
    sites: dict[str, list[tuple[Function, Call, int]]]
    state: dict[Key, str]
    unseen: set[Key]

    def _hidden(self, fn: Function) -> bool:
        raise NotImplementedError

    def _value(self, held: str | None, fn: Function) -> str:
        raise NotImplementedError

    def mixed(self, cls: str, attr: str) -> tuple[list[str], str] | None:
        """For ``self.<attr>`` in ``cls`` left untyped: the types some assignments
        give it, and where another value comes from (``path:line``, or why)."""
        family = self.family.get(cls, cls)
        key: Key = ("attr", family, attr)
        if self.state.get(key) != UNKNOWN:
            return None
        types, other = self.witnessed(key)
        if not types or not other:
            return None
        return sorted(types), next((o for o in other if ".py:" in o), other[0])

    def witnessed(self, key: Key) -> tuple[set[str], list[str]]:
        """The types what flows into ``key`` has, each one, and where (or why) something
        of no known type flows in instead."""
        types: set[str] = set()
        other: list[str] = []
        self._witnesses(key, types, other, set())
        return types, other

    def given_types(self, fn: Function, param: str, *, only: bool = False) -> list[str]:
        """The types of what ``fn``'s callers hand its parameter ``param``, each one
        (``auth``, given a ``SignedAuth()`` here and a ``TokenAuth(t)`` there); with
        ``only``, none unless every caller hands one of known type."""
        types, other = self.witnessed(("param", fn.qualname, param))
        return [] if only and other else sorted(types)

    def either_methods(self, fn: Function, held: str) -> tuple[str, ...]:
        """``Remote.call``, ``Local.call`` for ``<param>.backend.call`` when every
        caller hands ``backend`` an instance of one of those classes: a group."""
        param, _, rest = held.removeprefix(PARAM_PREFIX).partition(".")
        if not rest or "." in rest or self.state[("param", fn.qualname, param)] != UNKNOWN:
            return ()
        types = self.given_types(fn, param, only=True)
        return tuple(f"{t}.{rest}" for t in types) if len(types) > 1 else ()

    def either_attr_methods(self, fn: Function, call: Call) -> tuple[str, ...]:
        """``self._ckan.call_action`` in a method of a class whose ``_ckan`` is given an
        instance of one of several classes wherever it is set (``ActionShortcut(self)``
        in each of them): each class's ``call_action``, a group (as :meth:`either_methods`)."""
        if len(call.text.split(".")) != 3 or not call.text.startswith("self."):
            return ()
        parts = (call.target or "").rsplit(".", 2)
        owner, attr, method = parts if len(parts) == 3 else ("", "", "")
        if owner not in self.classes or self.graph.resolve(call.target) in self.functions:
            return ()
        key: Key = ("attr", self.family.get(owner, owner), attr)
        if self.state.get(key) != UNKNOWN:
            return ()
        types, other = self.witnessed(key)
        if other or len(types) < 2:
            return ()
        return tuple(f"{t}.{method}" for t in sorted(types))

    def mixed_session(self, cls: str, attr: str) -> tuple[str, str] | None:
        """For ``self.<attr>`` in ``cls`` given a session in some places and other
        values in others: that session type, and why, for the plan."""
        found = self.mixed(cls, attr)
        session = next((t for t in found[0] if t in SESSION_TYPES), None) if found else None
        if found is None or session is None:
            return None
        path, colon, line = found[1].rpartition(":")
        other = f"{PurePath(path).name}:{line}" if colon and line.isdigit() else found[1]
        cause = self.cause(cls, attr)
        because = f"; at the root: {cause}" if cause else ""
        return session, (
            f"self.{attr} is given a {session} in some places and other values in others"
            f" ({other}{because})"
        )

    def _witnesses(self, key: Key, types: set[str], other: list[str], seen: set[Key]) -> None:
        if key in seen or len(seen) > 64:
            return
        seen.add(key)
        kind, owner, name = key
        if kind == "attr":
            if name in self.attr_writes:
                other.append(f"{name} is also assigned on other objects")
            for fn, held in self.assigns.get((owner, name), ()):
                self._witness(held, fn, types, other, seen, fn.span.line)
            return
        fn = self.functions[owner]
        if self._hidden(fn) or key in self.unseen:
            made = fn.class_qualname if fn.name == "__init__" else None
            what = (
                f"{made.rsplit('.', 1)[-1]} is also made" if made else f"{fn.name} is also called"
            )
            other.append(f"{what} where no call shows what it is given")
        for caller, call, offset in self.sites.get(owner, []):
            held = given(fn, call, offset, name)
            self._witness(held, caller, types, other, seen, call.span.line)

    def _witness(
        self,
        held: str | None,
        fn: Function,
        types: set[str],
        other: list[str],
        seen: set[Key],
        line: int,
    ) -> None:
        if (
            held is not None
            and held.startswith(PARAM_PREFIX)
            and "." not in held[len(PARAM_PREFIX) :]
        ):
            param = held.removeprefix(PARAM_PREFIX)
            if param in fn.params:
                self._witnesses(("param", fn.qualname, param), types, other, seen)
                return
        either = held.split("|") if held is not None and "|" in held else []
        if either and all(one in self.classes for one in either):
            # ``Remote(url) if url else Local()``: an instance of each, one at a time.
            for one in either:
                self._witness(one, fn, types, other, seen, line)
            return
        value = self._value(held, fn)
        if value in (NONE_YET, UNKNOWN):
            if value == UNKNOWN:
                other.append(f"{self.graph.project.facts[fn.module].path}:{line}")
        else:
            types.add(value)

    def cause(self, cls: str, attr: str) -> str | None:
        """Why ``self.<attr>`` in ``cls`` has no one type, traced back along what is
        assigned to it: the class made or the function called where no call shows
        what it is given, or the place that hands in a value of no known type."""
        found: list[str] = []
        self._causes(("attr", self.family.get(cls, cls), attr), found, set())
        return found[0] if found else None

    def _causes(self, key: Key, found: list[str], seen: set[Key]) -> None:
        if key in seen or found or len(seen) > 64:
            return
        seen.add(key)
        kind, owner, name = key
        if kind == "attr":
            if name in self.attr_writes:
                found.append(f"{name} is also assigned on other objects")
            for fn, held in self.assigns.get((owner, name), ()):
                self._cause_of(held, fn, fn.span.line, found, seen)
            return
        fn = self.functions[owner]
        if self._hidden(fn) or key in self.unseen:
            made = fn.class_qualname if fn.name == "__init__" else None
            what = f"{made.rsplit('.', 1)[-1]} is made" if made else f"{fn.name} is called"
            if key in self.unseen:
                found.append(f"{what} in modules the analysis did not read")
            else:
                found.append(f"{what} where no call shows what it is given")
            return
        for caller, call, offset in self.sites.get(owner, []):
            self._cause_of(given(fn, call, offset, name), caller, call.span.line, found, seen)

    def _cause_of(
        self, held: str | None, fn: Function, line: int, found: list[str], seen: set[Key]
    ) -> None:
        if found or self._value(held, fn) != UNKNOWN:
            return
        typ, attrs = "", []
        if held is not None and held.startswith(PARAM_PREFIX):
            param, *attrs = held.removeprefix(PARAM_PREFIX).split(".")
            if param in fn.params:
                key: Key = ("param", fn.qualname, param)
                typ = self.state.get(key, UNKNOWN)
                if typ in (NONE_YET, UNKNOWN):
                    self._causes(key, found, seen)
                    return
        elif held is not None:
            parts = held.split(".")
            cut = next(
                (c for c in range(len(parts), 0, -1) if ".".join(parts[:c]) in self.classes), 0
            )
            typ, attrs = ".".join(parts[:cut]), parts[cut:]
        for attr in attrs if typ else ():
            known = self.graph.attr_type(typ, attr)
            if known is None and typ in self.family:
                key = ("attr", self.family[typ], attr)
                if self.state.get(key) in (None, NONE_YET, UNKNOWN):
                    self._causes(key, found, seen)
                    return
                known = self.state[key]
            if known is None:
                break
            typ = known
        if not found:
            path = PurePath(self.graph.project.facts[fn.module].path).name
            found.append(f"{path}:{line} hands in a value of no known type")
