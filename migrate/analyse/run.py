"""The analyse stage as one call: load, expand, colour, find concurrency spots."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..read.sources import discover_files
from . import by_name, dynamic, either_iterables, injected, kept_callbacks, kept_methods
from .colour import colour
from .concurrency import Spot, find_spots
from .decisions import Colouring, Scope
from .defaults import SESSION_TYPES
from .graph import CallGraph, build_graph
from .held_responses import Held, held_calls
from .library_names import LIBRARY_METHOD_NAMES
from .model import MAYBE_ATTR, PARAM_PREFIX, Call, Function
from .project import Project, load_project
from .responses import unseen_modules
from .review import drop_carried_mounts
from .selection import left_out_blocking, unselected_callees
from .untyped import NONE_YET, UNKNOWN, caller_names

# Each round pulls in the modules that call what the previous round coloured;
# real call chains are far shorter than this.
MAX_ROUNDS = 50


class InputError(ValueError):
    """The paths or names given select nothing: one line for the user, not a bug."""


@dataclass
class Analysis:
    """Everything the plan is made from."""

    roots: tuple[Path, ...]
    project: Project
    graph: CallGraph
    colouring: Colouring
    spots: list[Spot]
    files_total: int


def analyse_paths(
    paths: Iterable[Path],
    excludes: Iterable[str] = (),
    scope: Scope | None = None,
    jobs: int | None = None,
    allow_reorder: bool = False,
) -> Analysis:
    """Analyse the Python files under ``paths``."""
    roots = tuple(Path(p) for p in paths)
    files, unusable = discover_files(roots, excludes)
    project = load_project(files, jobs, roots)
    project.failures[:0] = unusable
    scope = scope or Scope()
    refused: dict[tuple[str, str], str] = {}
    held: Held = {}
    try:
        graph, colouring = _coloured(project, scope, refused, held)
        for _ in range(MAX_ROUNDS):
            wanted = set(project.mentioning(_names(colouring.async_functions, graph)))
            wanted |= _assigning_modules(graph)
            # Callers of blocking code a --select leaves out: the plan names them.
            wanted |= set(
                project.mentioning(_names(left_out_blocking(graph, scope, colouring), graph))
            )
            wanted |= set(project.mentioning(_fixtures(colouring, graph), tests_only=True))
            wanted |= _callee_modules(graph, colouring)
            wanted |= _handed_modules(graph, colouring)
            wanted |= unseen_modules(graph, colouring)
            wanted |= _unseen_callers(graph)
            wanted |= _session_factory_modules(graph)
            wanted |= _session_handed_modules(graph)
            wanted |= _made_method_users(graph, colouring)
            wanted |= _base_modules(graph)
            wanted |= _decorator_modules(graph, colouring)
            # An earlier step's bridges into async code: what they call may be awaited now.
            wanted |= set(project.mentioning(["async_to_sync"]))
            wanted |= _class_users(graph, colouring)
            if not project.analyse(wanted):
                break
            graph, colouring = _coloured(project, scope, refused, held)
    finally:
        project.close()
    _check_selection(scope, graph, colouring)
    spots = find_spots(graph, colouring, allow_reorder)
    return Analysis(roots, project, graph, colouring, spots, len(files))


def _coloured(
    project: Project, scope: Scope, refused: dict[tuple[str, str], str], held: Held
) -> tuple[CallGraph, Colouring]:
    """The call graph and its colouring, with the sessions callers hand in that
    stay on requests (``refused``, added to) kept so, and the request calls whose
    responses go to helpers that stay on requests (``held``, added to)."""
    while True:
        graph = build_graph(project, refused, held)
        kept_callbacks.link(graph)
        kept_methods.link(graph)
        colouring = colour(graph, scope)
        kept_callbacks.settle(graph, colouring)
        kept_methods.unlinked(graph, colouring)
        either_iterables.settle(graph, colouring)
        more = {k: v for k, v in injected.refusals(graph, colouring).items() if k not in refused}
        factories = injected.factory_refusals(graph, colouring)
        factories |= injected.kept_factory_params(graph)
        more |= {
            k: v for k, v in factories.items() if k not in refused and k not in graph.kept_sessions
        }
        if not more:
            newly = {k: v for k, v in held_calls(graph, colouring, scope).items() if k not in held}
            if newly:
                held.update(newly)
                continue
            colouring.converted_sessions = injected.converted_sessions(graph, colouring)
            drop_carried_mounts(graph, colouring)
            colouring.review.extend(unselected_callees(graph, scope, colouring))
            return graph, colouring
        refused.update(more)


def _check_selection(scope: Scope, graph: CallGraph, colouring: Colouring) -> None:
    """A ``--select`` that matches nothing is a typo, not an empty migration."""
    project = graph.project
    if not project.files:
        return  # nothing found at all: the CLI says so
    modules = {name: str(loaded.source.path) for name, loaded in project.files.items()}
    functions = {q: project.facts[fn.module].path for q, fn in graph.functions.items()}
    for pattern in scope.select:
        only = Scope(select=(pattern,))
        if any(not only.excluded(q, path) for q, path in (*modules.items(), *functions.items())):
            continue
        # Something inside a module whose functions were not looked at in depth.
        owner = max((m for m in modules if pattern.startswith(m + ".")), key=len, default=None)
        if owner is not None and project.files[owner].facts is None:
            name = pattern[len(owner) + 1 :].split(".")[0]
            text = project.files[owner].source.text
            if any(c in name for c in "*?[") or re.search(rf"\b{re.escape(name)}\b", text):
                continue
        names = sorted(
            {graph.functions[q].module for q in (*colouring.async_functions, *graph.blocking)}
        )
        kind = "modules with blocking calls" if names else "modules"
        names = names or sorted(modules)
        shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        raise InputError(f"--select {pattern} matches no module, function or file; {kind}: {shown}")


def _names(qualnames: Iterable[str], graph: CallGraph) -> set[str]:
    """Names another module must mention to call what became async.

    A module-level function is called by its name. A method is reached
    through its class: an instance made from it, or a subclass, where the
    class name appears, or an instance another module made and hands out (a
    module global, ``weather = WeatherClient()``, or what a function returns),
    whose name appears, or the method's own name, unless builtin values have one
    of that name (``get``, ``read``): that would match half a codebase for nothing.
    """
    names = set()
    classes = set()
    qualnames = list(qualnames)
    for qualname in qualnames:
        fn = graph.functions[qualname]
        if fn.class_qualname:
            classes.add(fn.class_qualname)
            names.add(fn.class_qualname.rsplit(".", 1)[-1])
            if fn.name not in LIBRARY_METHOD_NAMES:
                # ``client._request(...)`` in a module handed the client, which never
                # names its class (googlemaps' API functions).
                names.add(fn.name)
        elif fn.parent is None:
            names.add(fn.name)
    async_ones = set(qualnames)
    for wrapper, wrapped in graph.wrapped_by.items():
        decorator = graph.functions.get(graph.functions[wrapper].parent or "")
        while decorator is not None and decorator.parent in graph.functions:
            decorator = graph.functions[decorator.parent]  # ``on_http_error(e)``'s ``wrap``
        if decorator is not None and decorator.parent is None and async_ones & set(wrapped):
            # Its wrapper awaits what it wraps: a module decorating its own
            # functions with it (``@cli.might_need_auth`` in a test) must follow.
            names.add(decorator.name)
    classes.update(sub for cls in list(classes) for sub in graph.subclasses(cls))
    # ``nb.users.get(1)``, ``nb`` untyped: ``users`` holds an Endpoint where it is set
    # (awaited if it does everywhere, named for review if not).
    names.update(a for a, held in by_name.attribute_values(graph).items() if held & classes)
    for facts in graph.project.facts.values():
        for made in (facts.typed_names, facts.return_types):
            names.update(name for name, typ in made.items() if graph.resolve(typ) in classes)
        # ``status = Retry(3)(_status)``: another module calls it by the alias.
        names.update(
            name for name, held in facts.global_aliases.items() if graph.resolve(held) in async_ones
        )
    return names


def _fixtures(colouring: Colouring, graph: CallGraph) -> set[str]:
    """Fixtures that give an object with a method that became async.

    A test that only uses the fixture (``def test_x(api): api.get(1)``) names
    neither the class nor a function; the fixture's name is what it mentions.
    """
    names = set()
    for facts in graph.project.facts.values():
        for name, typ in facts.fixture_types.items():
            if any(q.startswith(typ + ".") for q in colouring.async_functions):
                names.add(name)
    return names


def _handed_modules(graph: CallGraph, colouring: Colouring) -> set[str]:
    """Modules of the functions and classes handed an instance whose methods became
    async (``Shelf(self, name)`` in a method of ``Library``), and the modules that
    call them: the type flows into a parameter only when every call site is seen.
    """
    owners = {graph.functions[q].class_qualname for q in colouring.async_functions}
    owners.discard(None)
    if not owners:
        return set()
    # ``Handler(self)`` in a method of ``TicketApi(BaseApi)``: its instances have the
    # base's async methods too.
    owners |= {sub for owner in list(owners) for sub in graph.subclasses(owner or "")}
    project = graph.project
    passing = [
        (fn, call, values)
        for fn in graph.functions.values()
        for call in fn.calls
        if any(values := (*call.arg_values, *(value for _, value in call.kwarg_values)))
    ]
    # Handed on from a parameter (``super().__init__(owner)``) by a function handed one.
    handed: set[str] = set()
    targets: set[str] = set()
    while True:
        before = len(handed)
        for fn, call, values in passing:
            if not any(
                value
                and (
                    _value_type(graph, value, fn) in owners
                    or (fn.qualname in handed and value.startswith(PARAM_PREFIX))
                )
                for value in values
            ):
                continue
            target = graph.resolve(call.target) or ""
            targets.add(target)
            handed.add(graph.callee_of(call) or target)
        if len(handed) == before:
            break
    modules = {project.module_of(target) for target in targets}
    wanted = {m for m in modules if m is not None and project.files[m].facts is None}
    return wanted | set(project.mentioning({target.rsplit(".", 1)[-1] for target in targets}))


def _value_type(graph: CallGraph, value: str, fn: Function) -> str | None:
    """The project class of ``value`` handed on in ``fn``, as the facts hold it or
    the type flow solves it (``Listing(self.site)``, ``self.site`` typed from the
    calls of ``Pages``)."""
    typ = graph.value_type(value)
    if typ is None and graph.flow is not None:
        solved = graph.flow.value(value, fn)
        typ = solved if solved not in (NONE_YET, UNKNOWN) else None
    return typ


def _session_factory_modules(graph: CallGraph) -> set[str]:
    """Modules that may keep a session a factory makes (``self.session =
    self.create_session()``): those that name the factory, and for a method, those
    of the classes it overrides, which may call it through ``self``."""
    project = graph.project
    names: set[str] = set()
    wanted: set[str] = set()
    for facts in list(project.facts.values()):
        for local in facts.session_returns:
            owner, _, name = local.rpartition(".")
            names.add(name)
            for base in facts.classes.get(f"{facts.module}.{owner}", ()) if owner else ():
                module = project.module_of(graph.resolve(base) or base)
                if module is not None and project.files[module].facts is None:
                    wanted.add(module)
    return wanted | set(project.mentioning(names))


def _session_handed_modules(graph: CallGraph) -> set[str]:
    """Modules of the functions and classes handed a session (``Request(base,
    http_session=self.http_session)``), and those that call them: calls made
    through it there are HTTP calls, and every call site tells what it holds."""
    project = graph.project
    holding = _session_holders(graph)
    targets = {
        target
        for fn in graph.functions.values()
        for call in fn.calls
        if _hands_session(graph, fn, call, holding)
        and (target := graph.resolve(call.target) or "")
        and not target.startswith(("requests.", "httpx.", "builtins."))
    }
    modules = {project.module_of(target) for target in targets}
    wanted = {m for m in modules if m is not None and project.files[m].facts is None}
    return wanted | set(project.mentioning({target.rsplit(".", 1)[-1] for target in targets}))


def _session_holders(graph: CallGraph) -> set[str]:
    """Classes whose instances keep a session in an attribute, and their subclasses."""
    found = {
        one.fn.class_qualname or "" for one in graph.self_assigned() if one.typ in SESSION_TYPES
    }
    return found | {sub for cls in found for sub in graph.subclasses(cls)}


def _hands_session(graph: CallGraph, fn: Function, call: Call, holding: set[str]) -> bool:
    """Whether ``call`` hands on a session: one it holds (``self.x`` handed on, attr?:,
    is one only if typed so, and its module is analysed already), an attribute
    the type flow tells is one (``fetch_json(service.session, url)``), or an object
    keeping one (``Users(self)`` in a client whose ``self.session`` it is)."""
    if any(kind != "none" and not kind.startswith(MAYBE_ATTR) for _, kind in call.sessions_given):
        return True
    if graph.flow is None or (not call.arg_values and not call.kwarg_values):
        return False
    handed = [v for v in (*call.arg_values, *(v for _, v in call.kwarg_values)) if v]
    if any(graph.flow.handed_type(held, fn) in SESSION_TYPES for held in handed):
        return True
    return any(_value_type(graph, held, fn) in holding for held in handed)


def _made_method_users(graph: CallGraph, colouring: Colouring) -> set[str]:
    """Modules naming a class that gets methods at import (see dynamic) which became
    async: they may call one by a name known at run time."""
    classes = {
        cls.rsplit(".", 1)[-1]
        for cls, made in dynamic.made_methods(graph).items()
        if any(colouring.is_async(q) for q in made)
    }
    return set(graph.project.mentioning(classes)) if classes else set()


def _unseen_callers(graph: CallGraph) -> set[str]:
    """Modules not analysed yet that may call a function whose parameter the type
    flow left untyped because of them (``Record(api)`` in a test): a session the
    code reaches through it is known only once they are read."""
    if graph.flow is None:
        return set()
    names = set()
    for _, qualname, _ in graph.flow.unseen:
        fn = graph.functions[qualname]
        if fn.name == "__init__" or not fn.class_qualname or fn.name not in LIBRARY_METHOD_NAMES:
            names.update(caller_names(graph, fn))  # not ``get``: half a codebase for nothing
    wanted = set(graph.project.mentioning(names))
    project = graph.project
    for maker in graph.flow.unread:  # ``pkg.api(url)``: what ``pkg`` says ``api`` is
        module = project.module_of(maker)
        if module is not None and project.files[module].facts is None:
            wanted.add(module)
    return wanted


def _assigning_modules(graph: CallGraph) -> set[str]:
    """Modules assigning a method async already (an earlier run's) on an instance
    (``site.members = broken``, a test's stand-in): read again, as that run read
    them, so its calls stay in the order that run kept (see pacing)."""
    names = {
        fn.name
        for fn in graph.functions.values()
        if fn.is_async and fn.class_qualname and not fn.name.startswith("__")
    }
    if not names:
        return set()
    pattern = re.compile(r"\.(?:" + "|".join(map(re.escape, sorted(names))) + r")\s*=[^=]")
    # The modules naming one at all (mentioning's quick scan), then those assigning it.
    files = graph.project.files
    return {m for m in graph.project.mentioning(names) if pattern.search(files[m].source.text)}


def _decorator_modules(graph: CallGraph, colouring: Colouring) -> set[str]:
    """Modules defining the decorators of async functions (or of those that become
    async): a wrapper filling a cache it closes over keeps their calls in order,
    on a second run, when they are async already, as on the first."""
    project = graph.project
    wanted = set()
    for fn in graph.functions.values():
        if not (fn.is_async or colouring.is_async(fn.qualname)):
            continue
        for decorator in fn.decorators:
            target = graph.resolve(decorator.target) if decorator.target else None
            module = project.module_of(target) if target else None
            if module is not None and project.files[module].facts is None:
                wanted.add(module)
    return wanted


def _callee_modules(graph: CallGraph, colouring: Colouring) -> set[str]:
    """Project modules called from async code (code that becomes async, or is) whose
    facts we don't have yet, and those defining the decorators of functions called
    through a parameter."""
    wanted: set[str] = set()
    project = graph.project
    # A decorator of a function called through a parameter: whether it hands the
    # function its callers' arguments decides the parameter's type (see decorators).
    typed_by_callers = {
        fn.qualname for fn in graph.functions.values() if any(c.param_target for c in fn.calls)
    }
    # Async already (a second run): what its calls change decides its gathers, as
    # for a function that becomes async on the first.
    already = {q for q, fn in graph.functions.items() if fn.is_async}
    for qualname in {*colouring.async_functions, *typed_by_callers, *already}:
        fn = graph.functions[qualname]
        # Calls, and decorators: a decorator's wrapper becomes async with the function.
        targets = [d.target for d in fn.decorators]
        if qualname in colouring.async_functions or fn.is_async:
            targets += [c.target for c in fn.calls]
        wanted.update(m for t in targets if t and (m := _unread_module(project, t)))
    # A call named like a method that became async, into a module not read yet
    # (``configuration.get(...)`` on a ``ConfigurationManager``): read, it tells
    # whether the call reaches that method, where the plan would say it cannot tell.
    async_names = {
        graph.functions[q].name
        for q in colouring.async_functions
        if graph.functions[q].class_qualname
    }
    named = [c.target for fn in graph.functions.values() for c in fn.calls if c.target]
    wanted.update(
        m
        for t in named
        if t.rpartition(".")[2] in async_names and (m := _unread_module(project, t))
    )
    return wanted


def _class_users(graph: CallGraph, colouring: Colouring) -> set[str]:
    """Modules an earlier step's bridges need read: the module of the function one
    hands over (``async_to_sync(services.compare)``), and those naming a class
    whose method of some name is async (or becomes so) where a call or bridge of
    that name cannot be resolved yet (``async_to_sync(_client().current)(city)``, on
    what an app's extension holds): the module making the instance says what the
    receiver is, as the first run read it."""
    async_methods: dict[str, set[str]] = {}
    for fn in graph.functions.values():
        if fn.class_qualname and (fn.is_async or colouring.is_async(fn.qualname)):
            async_methods.setdefault(fn.name, set()).add(fn.class_qualname.rpartition(".")[2])
    classes: set[str] = set()
    modules: set[str] = set()
    for fn in graph.functions.values():
        for call in fn.calls:
            name = call.text.rpartition(".")[2]
            if "." in call.text and name in async_methods and graph.callee_of(call) is None:
                classes |= async_methods[name]
        for ref in fn.refs:  # ``async_to_sync(obj.method)``: a bridge's function
            if ref.target and (module := _unread_module(graph.project, ref.target)):
                modules.add(module)  # ``async_to_sync(services.compare)``: read it
            name = ref.text.rpartition(".")[2]
            resolved = graph.resolve(ref.target) if ref.target else None
            if "." in ref.text and name in async_methods and resolved not in graph.functions:
                classes |= async_methods[name]
    return modules | set(graph.project.mentioning(classes))


def _base_modules(graph: CallGraph) -> set[str]:
    """Modules defining the bases of classes we read: a base's ``__init__`` types the
    attributes its subclasses call through (``self._adapter = adapter``). A base
    re-exported by ``from .base import *`` brings the star-imported modules."""
    project = graph.project
    known = graph.class_names()
    wanted: set[str] = set()
    for facts in project.facts.values():
        for bases in facts.classes.values():
            for base in bases:
                target = graph.resolve(base) or base
                if target in known:
                    continue
                module = _unread_module(project, target)
                if module is not None:
                    wanted.add(module)
                elif reexporting := project.facts.get(project.module_of(target) or ""):
                    wanted.update(
                        star
                        for star in map(project.canonical, reexporting.star_imports)
                        if star in project.files and project.files[star].facts is None
                    )
    return wanted


def _unread_module(project: Project, target: str) -> str | None:
    """The project module ``target`` is a path into, when it has not been read."""
    parts = target.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = project.canonical(".".join(parts[:cut]))
        if module in project.files:
            return module if project.files[module].facts is None else None
    return None
