"""The project's call graph: who calls whom, across modules.

Names come resolved from each module's facts (``pkg.mod.func``); here they are
followed through re-exports (``from .upstream import fetch`` in a package
``__init__``), methods are looked up on base classes, and decorators that
wrap a function are linked to their wrapper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .catalogue import CONSTRUCTORS, BlockingCall, lookup
from .model import FIXTURE_PREFIX, RETURNS_SUFFIX, Call, Function, ModuleFacts, Ref, Span
from .project import Project


@dataclass(frozen=True)
class Edge:
    """``caller`` calls ``callee`` at ``span`` (a decorator link has ``via``)."""

    caller: str
    callee: str
    span: Span
    call: Call | None
    via: Literal["call", "decorator", "ref"] = "call"
    ref: Ref | None = None


@dataclass
class CallGraph:
    project: Project
    functions: dict[str, Function] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    callers: dict[str, list[Edge]] = field(default_factory=dict)
    # Decorator wrapper -> functions it wraps.
    wrapped_by: dict[str, list[str]] = field(default_factory=dict)
    # function -> its direct catalogue calls
    blocking: dict[str, list[tuple[Call, BlockingCall]]] = field(default_factory=dict)
    unresolved_modules: set[str] = field(default_factory=set)

    # -- name resolution -------------------------------------------------------

    def resolve(self, name: str | None, depth: int = 0) -> str | None:
        """Follow re-exports until ``name`` is a function or class we know."""
        if name is None or depth > 8:
            return None
        if name.startswith(FIXTURE_PREFIX):
            return self._fixture(name[len(FIXTURE_PREFIX) :], depth)
        if name in self.functions or lookup(name):
            return name
        facts = self.project.facts
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:cut])
            rest = parts[cut:]
            canonical = self.project.canonical(module)
            if canonical != module:
                return self.resolve(".".join([canonical, *rest]), depth + 1)
            if module in facts:
                mod = facts[module]
                head = rest[0]
                instance_of = self._instance_type(mod, head)
                if instance_of is not None:
                    return self.resolve(".".join([instance_of, *rest[1:]]), depth + 1)
                if head in mod.imports:
                    return self.resolve(".".join([mod.imports[head], *rest[1:]]), depth + 1)
                if head in mod.defs:
                    # A method on a class: look in the class, then its bases.
                    return self._method(".".join([mod.defs[head], *rest[1:]]), depth)
                return name
            if module in self.project.files:
                self.unresolved_modules.add(module)
                return name
        return name

    def _instance_type(self, mod: ModuleFacts, head: str) -> str | None:
        """The project class of ``head`` in ``mod``: a global instance, or what a factory gives.

        Globals holding catalogue objects stay as they are: the module that made
        them decides about them (shared clients).
        """
        if head.endswith(RETURNS_SUFFIX):
            return mod.return_types.get(head.removesuffix(RETURNS_SUFFIX))
        typ = mod.typed_names.get(head)
        if typ is not None and typ not in CONSTRUCTORS.values():
            return typ
        return None

    def _fixture(self, name: str, depth: int) -> str | None:
        """``api.get`` where ``api`` is a conftest fixture: the method of what it gives."""
        fixture, _, rest = name.partition(".")
        types = {
            facts.fixture_types[fixture]
            for facts in self.project.facts.values()
            if fixture in facts.fixture_types and facts.path.endswith("conftest.py")
        }
        if len(types) != 1:
            return None  # unknown, or two conftests disagree
        return self.resolve(".".join(filter(None, [types.pop(), rest])), depth + 1)

    def _method(self, name: str, depth: int) -> str:
        if name in self.functions:
            return name
        owner, _, method = name.rpartition(".")
        for facts in self.project.facts.values():
            bases = facts.classes.get(owner)
            if bases is None:
                continue
            for base in bases:
                found = self.resolve(f"{base}.{method}", depth + 1)
                if found and found in self.functions:
                    return found
        return name

    def callee_of(self, call: Call) -> str | None:
        target = self.resolve(call.target)
        if target is None:
            return None
        if target in self.functions:
            return target
        # Instantiating a project class runs its __init__.
        init = f"{target}.__init__"
        if init in self.functions:
            return init
        return None


def build_graph(project: Project) -> CallGraph:
    """Edges between the analysed functions, and their direct blocking calls."""
    graph = CallGraph(project=project, functions=project.functions())
    for fn in graph.functions.values():
        for call in fn.calls:
            target = graph.resolve(call.target)
            entry = lookup(target) if target else None
            if entry is not None:
                graph.blocking.setdefault(fn.qualname, []).append((call, entry))
                continue
            callee = graph.callee_of(call)
            if callee is not None:
                graph.edges.append(Edge(fn.qualname, callee, call.span, call))
        for ref in fn.refs:
            target = graph.resolve(ref.target)
            if target in graph.functions:
                graph.edges.append(Edge(fn.qualname, target, ref.span, None, via="ref", ref=ref))
        for decorator in fn.decorators:
            wrapper = _wrapper_of(graph, graph.resolve(decorator.target), decorator.is_call)
            if wrapper is not None:
                graph.wrapped_by.setdefault(wrapper, []).append(fn.qualname)
                # The wrapper calls the function it wraps.
                graph.edges.append(
                    Edge(wrapper, fn.qualname, decorator.span, None, via="decorator")
                )
    for edge in graph.edges:
        graph.callers.setdefault(edge.callee, []).append(edge)
    return graph


def _wrapper_of(graph: CallGraph, decorator: str | None, is_call: bool) -> str | None:
    """The nested function a decorator puts in place of the function it decorates.

    ``@timed`` -> ``timed.<wrapper>``; ``@retry()`` -> ``retry.decorator.<wrapper>``.
    The wrapper is recognised by calling a parameter of its enclosing function.
    """
    if decorator is None or decorator not in graph.functions:
        return None
    fn = graph.functions[decorator]
    if is_call:
        if len(fn.returns_inner) != 1:
            return None
        fn = graph.functions.get(fn.returns_inner[0], fn)
    if len(fn.returns_inner) != 1:
        return None
    wrapper = graph.functions.get(fn.returns_inner[0])
    if wrapper is None:
        return None
    if any(owner == fn.qualname for owner, _, _ in wrapper.param_calls):
        return wrapper.qualname
    return None
