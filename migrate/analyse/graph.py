"""The project's call graph: who calls whom, across modules.

Names come resolved from each module's facts (``pkg.mod.func``); here they are
followed through re-exports (``from .upstream import fetch`` in a package
``__init__``), methods are looked up on base classes, and decorators that
wrap a function are linked to their wrapper. The module is long because the
lookups that follow names (re-exports, bases, attribute types, the classes
that extend requests) share one resolution cache.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Literal

from .catalogue import CONSTRUCTORS, CONTEXT_ENTRIES, HTTP_VERBS, Action, BlockingCall, lookup
from .class_slots import called_slot, class_slots, slot_owner
from .defaults import SESSION_TYPES
from .factories import (
    SESSION_MAKERS,
    Held,
    configured_where_kept,
    factory_shape,
    held_where,
    made_name,
)
from .frameworks import (
    MOCK_RESULT,
    REQUESTS_EXTENSION_BASES,
    REQUESTS_REQUEST_BUILDERS,
    SUBCLASS_VIEWS,
    port_to,
    read_back_why,
    requests_family,
)
from .handed_classes import Handed, classes_handed, handed
from .made_by import MADE_BY_PARAM, given_class
from .model import (
    FIXTURE_PREFIX,
    ITEMS_SUFFIX,
    PARAM_PREFIX,
    RETURNS_SUFFIX,
    Call,
    Function,
    ModuleFacts,
    Ref,
    Span,
)
from .mro import SUPER_MARK, next_methods
from .object_attrs import object_attrs
from .project import Project
from .protocols import implementers
from .replaced_modules import replaced_requests
from .subclasses import SESSION_BASES, Extensions, decide_subclasses
from .tree import one_type, short_name
from .twins import TRUTH_DUNDERS
from .typeflow import TypeFlow
from .untyped import NONE_YET
from .wrappers import wrapper_of

UNITTEST_TESTCASE = "unittest.TestCase"


@dataclass(frozen=True)
class Edge:
    """``caller`` calls ``callee`` at ``span`` (a decorator link has ``via``)."""

    caller: str
    callee: str
    span: Span
    call: Call | None
    # "write": ``obj.attr = v`` runs the setter of property ``attr`` (``call`` the write).
    via: Literal["call", "decorator", "ref", "write"] = "call"
    ref: Ref | None = None


@dataclass(frozen=True)
class SelfAssign:
    """``self.<attr> = <held>`` in ``fn``, the attribute of type ``typ``."""

    fn: Function
    attr: str
    held: str | None
    typ: str | None


@dataclass
class CallGraph(Extensions):
    project: Project
    functions: dict[str, Function] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    callers: dict[str, list[Edge]] = field(default_factory=dict)
    # Decorator wrapper -> functions it wraps.
    wrapped_by: dict[str, list[str]] = field(default_factory=dict)
    # function -> its direct catalogue calls
    blocking: dict[str, list[tuple[Call, BlockingCall]]] = field(default_factory=dict)
    # function -> requests calls that stay on requests, and why
    kept: dict[str, list[tuple[Call, str]]] = field(default_factory=dict)
    # Sessions (module global, ``self.<attr>`` or local) that stay requests.Session, and why.
    kept_sessions: dict[tuple[str, str] | None, str] = field(default_factory=dict)
    held_responses: dict[tuple[str, Span], str] = field(default_factory=dict)
    # Top-level session factories that move to httpx (see factories.py): where each
    # call of one keeps what it gives.
    moved_factories: dict[str, list[Held]] = field(default_factory=dict)

    def keeps_session(self, fn: Function, made: str) -> bool:
        """Whether the session ``fn`` assigns to ``made`` (``self.s``, ``s``) stays on requests."""
        return session_key(self, fn, made + ".request") in self.kept_sessions

    _children: dict[str, list[str]] | None = None
    # Class -> the protocols it implements without deriving from them (see subclasses).
    implemented: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _subclass_lists: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _class_facts: dict[str, list[ModuleFacts]] | None = None
    _classes: set[str] | None = None
    _set_attrs: frozenset[str] | None = None
    _copies: dict[tuple[str, str], tuple[str, str]] | None = None
    _self_assigned: tuple[SelfAssign, ...] | None = None
    _imports: frozenset[str] | None = None
    # (class family, attribute) -> the type every assignment of it gives (see typeflow).
    flowed_attrs: dict[tuple[str, str], str] = field(default_factory=dict)
    # ``flask.g.client`` -> the type every assignment of it gives (see object_attrs).
    object_attrs: dict[str, str] = field(default_factory=dict)
    flow: TypeFlow | None = None
    # Attribute reads whose object's type is unknown: attribute -> (function, read).
    unknown_reads: dict[str, list[tuple[str, Call]]] = field(default_factory=dict)
    # Methods one call may reach, as subclasses define them (see implementations):
    # each method -> every method it shares such a call with, itself included.
    dispatched: dict[str, set[str]] = field(default_factory=dict)
    # Calls no type links, taken for the project's methods of their name (see
    # by_name): ``id(call)`` -> one of them.
    named: dict[int, str] = field(default_factory=dict)
    # Those taken for one by the attribute they are made on (``client.products.get``):
    # ``id(call)`` -> that attribute's name.
    named_through: dict[int, str] = field(default_factory=dict)
    # Functions handed to a class that keeps them to call later, where its call of
    # them is linked (see kept_callbacks): (the function handing one, where).
    handed_callbacks: set[tuple[str, Span]] = field(default_factory=set)
    # Its calls of them: (method, where) -> the functions it may run.
    callback_calls: dict[tuple[str, Span], tuple[str, ...]] = field(default_factory=dict)

    def class_names(self) -> set[str]:
        """Every class the facts we read define."""
        if self._classes is None:
            self._classes = {n for facts in self.project.facts.values() for n in facts.classes}
        return self._classes

    def subclasses(self, cls: str) -> list[str]:
        """Project classes deriving from ``cls``, directly or not; for a protocol,
        the classes implementing it too (see protocols)."""
        if self._children is None:
            self._children = {}
            for facts in self.project.facts.values():
                for name, bases in facts.classes.items():
                    for base in bases:
                        self._children.setdefault(self.resolve(base) or base, []).append(name)
            protocols = implementers(
                self.project.facts.values(), self.functions.values(), self.resolve
            )
            for protocol, classes in protocols.items():
                self._children.setdefault(protocol, []).extend(classes)
                for name in classes:
                    self.implemented.setdefault(name, []).append(protocol)
        if cls in self._subclass_lists:
            return self._subclass_lists[cls]  # asked for again and again by the passes
        found: list[str] = []
        seen: set[str] = set()
        todo = list(self._children.get(cls, []))
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                found.append(name)
                todo += self._children.get(name, [])
        self._subclass_lists[cls] = found
        return found

    def project_bases(self, cls: str) -> set[str]:
        """The classes ``cls`` derives from, directly or not: the project's, and the
        library bases where the walk stops (its callers ask for project methods)."""
        found: set[str] = set()
        todo = [cls]
        while todo:
            current = todo.pop()
            for facts in self._defining(current):
                for base in facts.classes.get(current, ()):
                    resolved = self.resolve(base) or base
                    if resolved not in found:
                        found.add(resolved)
                        todo.append(resolved)
        return found

    def protocols_of(self, cls: str) -> list[str]:
        """The protocols class ``cls`` implements without deriving from them."""
        self.subclasses(cls)
        return self.implemented.get(cls, [])

    def _defining(self, cls: str) -> list[ModuleFacts]:
        """The facts that know class ``cls`` (its bases or attribute types), in project order."""
        if self._class_facts is None:
            self._class_facts = {}
            for facts in self.project.facts.values():
                for name in {*facts.classes, *facts.attr_types}:
                    self._class_facts.setdefault(name, []).append(facts)
        return self._class_facts.get(cls, [])

    # -- name resolution -------------------------------------------------------

    # resolve() by (name, depth): the facts a graph is built from don't change
    # while it is in use, and every pass over the functions asks for the same names.
    _resolved: dict[tuple[str, int], str | None] = field(default_factory=dict, repr=False)
    _next_methods: dict[str, list[str]] = field(default_factory=dict, repr=False)

    # The names being resolved, outermost first, and those that met an attribute of
    # unknown type on the way: typing attributes (see typeflow) may resolve them further.
    _resolving: list[tuple[str, int]] = field(default_factory=list, repr=False)
    _untyped: set[tuple[str, int]] = field(default_factory=set, repr=False)
    untyped_seen: int = 0  # how many times a name met one, for the functions that ask
    _yielding: set[str] = field(default_factory=set, repr=False)  # yielded() asking itself

    def resolve(self, name: str | None, depth: int = 0) -> str | None:
        """Follow re-exports until ``name`` is a function or class we know."""
        if name is None or depth > 8:
            return None
        key = (name, depth)
        if key in self._resolved:
            if key in self._untyped:
                self._untyped.update(self._resolving)
                self.untyped_seen += 1
            return self._resolved[key]
        if key in self._resolving:
            # Asked again on its own way (``pkg.Droplet``, a class the package imports
            # from its module ``pkg/Droplet.py``, through a property lookup that starts
            # anew): no answer along this path.
            return None
        self._resolving.append(key)
        try:
            found = self._resolved[key] = self._resolve(name, depth)
        finally:
            self._resolving.pop()
        return found

    def _resolve(self, name: str, depth: int) -> str | None:
        if name.startswith(FIXTURE_PREFIX):
            return self._fixture(name[len(FIXTURE_PREFIX) :], depth)
        if name in self.functions or lookup(name):
            return name
        maker, returns, after = name.partition(RETURNS_SUFFIX)
        if returns and maker in CONSTRUCTORS:  # ``db.execute(...).fetchone``: a Cursor's
            return self.resolve(CONSTRUCTORS[maker] + after, depth + 1)
        held, _, used = name.rpartition(".")
        while held and self.object_attrs:  # ``flask.g.client.fetch``: a Client's
            if held in self.object_attrs:
                return self.resolve(f"{self.object_attrs[held]}.{used}", depth + 1)
            held, _, last = held.rpartition(".")
            used = f"{last}.{used}"
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
                if head in mod.global_aliases:
                    held = mod.global_aliases[head]
                    return self.resolve(".".join([held, *rest[1:]]), depth + 1)
                instance_of = self._instance_type(mod, head)
                if instance_of is not None:
                    return self.resolve(".".join([instance_of, *rest[1:]]), depth + 1)
                made = _method_made(mod, rest) or self._picked_made(mod, rest)
                if made is not None:
                    return self.resolve(".".join([made, *rest[2:]]), depth + 1)
                if head in mod.imports:
                    return self.resolve(".".join([mod.imports[head], *rest[1:]]), depth + 1)
                if head in mod.defs:
                    # A method on a class: look in the class, then its bases.
                    return self._method(".".join([mod.defs[head], *rest[1:]]), depth)
                source = self._star_source(module, head, set())
                if source is not None:
                    return self.resolve(".".join([source, *rest]), depth + 1)
                return name
            if module in self.project.files:
                return name  # a module of ours not analysed deeply: nothing to follow
        return name

    def _star_source(self, module: str, head: str, seen: set[str]) -> str | None:
        """The module a ``from m import *`` in ``module`` takes ``head`` from
        (``from .group import *`` in a package's ``__init__``), if one we read binds it."""
        seen.add(module)
        if head.startswith("_"):
            return None  # a star import leaves private names out
        for star in self.project.facts[module].star_imports:
            star = self.project.canonical(star)
            facts = self.project.facts.get(star)
            if facts is None or star in seen:
                continue
            if head in facts.top_level:
                return star
            found = self._star_source(star, head, seen)
            if found is not None:
                return found
        return None

    def global_member(self, name: str) -> str | None:
        """``check.SESSION.get``, where ``check`` makes ``SESSION = requests.Session()``
        at its top: ``requests.Session.get``. :meth:`resolve` leaves such a global to
        its module (see :meth:`_instance_type`); a patch of its method is still a
        patch of the catalogue object's."""
        parts = name.split(".")
        for cut in range(len(parts) - 2, 0, -1):
            mod = self.project.facts.get(".".join(parts[:cut]))
            if mod is None:
                continue
            typ = mod.typed_names.get(parts[cut])
            if typ in CONSTRUCTORS.values() and len(parts) == cut + 2:
                return f"{typ}.{parts[cut + 1]}"
            return None
        return None

    def _instance_type(self, mod: ModuleFacts, head: str) -> str | None:
        """The project class of ``head`` in ``mod``: a global instance, or what a factory gives.

        Globals holding catalogue objects stay as they are: the module that made
        them decides about them (shared clients).
        """
        if head.endswith(RETURNS_SUFFIX * 2):
            # ``kind(g)()``: an instance of the class a function picks (see choices).
            return self._picked(mod.defs.get(head.removesuffix(RETURNS_SUFFIX * 2)))
        if head.endswith(RETURNS_SUFFIX):
            made = head.removesuffix(RETURNS_SUFFIX)
            if mod.defs.get(made) in mod.classes:
                return mod.defs[made]  # ``API().project()``: an instance of the class
            held = mod.imports.get(made) or mod.global_aliases.get(made)
            imported = self.resolve(held) if held else None
            if imported in self.class_names():
                # ``from .api import API`` in a package's ``__init__``, or ``api = API``
                return imported
            found = mod.return_types.get(made) or mod.session_returns.get(made)
            if found is not None and found.startswith(MADE_BY_PARAM):
                return self._returned(f"{mod.module}.{made}", 0)  # see handed_classes
            return found
        if head.endswith(ITEMS_SUFFIX):
            return self.yielded(f"{mod.module}.{head.removesuffix(ITEMS_SUFFIX)}")
        typ = mod.typed_names.get(head)
        if typ is not None and typ not in CONSTRUCTORS.values():
            return typ
        return None

    def _picked_made(self, mod: ModuleFacts, rest: list[str]) -> str | None:
        """``Listing.kind(g)(...).fetch`` in the module defining Listing: the type the
        classes ``kind`` picks from share; ``PageList.get(n).text``: the type shared
        by the classes ``get`` makes one of."""
        if len(rest) < 2 or not rest[1].endswith(RETURNS_SUFFIX) or rest[0] not in mod.defs:
            return None
        if rest[1].endswith(RETURNS_SUFFIX * 2):
            method = rest[1].removesuffix(RETURNS_SUFFIX * 2)
            return self._picked(self._method(f"{mod.defs[rest[0]]}.{method}", 0))
        return self.returned(f"{mod.defs[rest[0]]}.{rest[1].removesuffix(RETURNS_SUFFIX)}")

    def returned(self, function: str, depth: int = 0) -> str | None:
        """The project class of what ``function`` returns, when one is known."""
        typ = self._returned(function, depth)
        return None if typ is not None and typ.startswith(MADE_BY_PARAM) else typ

    def _returned(self, function: str, depth: int) -> str | None:
        """As :meth:`returned`, or the parameter whose class it makes (see made_by)."""
        fn = self.functions.get(self.resolve(function) or "")
        if fn is None or depth > 8:
            return None
        facts = self.project.facts[fn.module]
        local = fn.qualname.removeprefix(fn.module + ".")
        typ = facts.return_types.get(local)
        if typ is not None and typ.endswith(RETURNS_SUFFIX):
            inner = self._returned(typ.removesuffix(RETURNS_SUFFIX), depth + 1)
            if inner is not None and inner.startswith(MADE_BY_PARAM):
                # ``return self._iter_children(url, "file", File)``: File objects.
                given = given_class(inner, facts.returned_args.get(local))
                return self.resolve(given) if given else None
            return inner
        if typ is not None and typ.startswith(MADE_BY_PARAM):
            # Every call hands that parameter a class by name: an instance of one of them.
            handed = self._handed.params.get((fn.qualname, typ.partition(":")[2]))
            return self.common_base(list(handed)) if handed else typ
        if typ is not None and typ.endswith(ITEMS_SUFFIX):
            return self.yielded(typ.removesuffix(ITEMS_SUFFIX))  # ``return store``, a loop's
        if typ is None and local in facts.return_choices:
            return self.common_base([self.resolve(c) or c for c in facts.return_choices[local]])
        if typ is None and local in facts.return_either:
            return self._either(facts.return_either[local], depth)
        if typ is None and fn.class_qualname:
            # ``self.get_client()`` in a base whose own version only raises: what every
            # override gives, when they agree.
            found = {
                self.returned(f"{sub}.{fn.name}", depth + 1)
                for sub in self.subclasses(fn.class_qualname)
                if f"{sub}.{fn.name}" in self.functions
            }
            typ = found.pop() if len(found) == 1 else None
        owner, _, attr = (typ or "").rpartition(".")
        if typ and self._defining(owner) and not self._defining(typ):
            typ = self.attr_type(owner, attr)  # ``return self.client``: what it is given
        return typ

    def _either(self, choices: tuple[str, ...], depth: int) -> str | None:
        """What a function returning ``self.http_client`` on one path and
        ``HttpClient(...)`` on another gives: the class the paths that make one agree
        on, when each attribute returned holds nothing else known (nothing given it,
        or only ``None``): a value handed in where no call shows it must answer the
        same calls."""
        known: set[str] = set()
        for choice in choices:
            if choice.endswith(RETURNS_SUFFIX):
                found = self.returned(choice.removesuffix(RETURNS_SUFFIX), depth + 1)
            elif (resolved := self.resolve(choice)) in self.class_names():
                found = resolved
            else:
                owner, _, attr = choice.rpartition(".")
                if not self._defining(owner):
                    return None
                found = self.attr_type(owner, attr)
                if found is None:
                    key = ("attr", self.flow.family.get(owner, owner) if self.flow else owner, attr)
                    if self.flow is not None and self.flow.state.get(key, NONE_YET) != NONE_YET:
                        return None  # given something the flow could not name
                    continue
            if found is None:
                return None
            known.add(found)
        return self.common_base(sorted(known)) if known else None

    def yielded(self, function: str) -> str | None:
        """The project class of the items generator ``function`` yields (a property, a
        relay), when one is known."""
        made = self.resolve(function) or ""
        cls = made if made in self.class_names() else None
        if cls:
            made = f"{made}.__iter__"  # ``for p in Category(shop)``: what its __iter__ yields
        fn = self.functions.get(made)
        if fn is None and cls:
            # ``class Devices(list[Device])``: what it holds.
            held = {f.class_items[cls] for f in self._defining(cls) if cls in f.class_items}
            return (self.resolve(item := held.pop()) or item) if len(held) == 1 else None
        if fn is None or made in self._yielding:
            return None
        # A relay (``return self._pages()``) may be asked before it is marked one; one
        # it cannot follow (``return iter(self._devices.values())``) may say what it
        # gives in its annotation (``-> Iterator[Device]``), as any function may.
        found = self.returned(fn.qualname)
        instance = found is not None and not cls and self._makes_instance(fn, found)
        if instance and found:
            # ``for d in api.devices`` where the property gives a DeviceList: its items.
            self._yielding.add(made)
            try:
                if items := self.yielded(found):
                    return items
            finally:
                self._yielding.discard(made)
        elif (fn.is_generator or fn.relayed) and found:
            return found
        if cls and found == cls:
            return self.returned(f"{cls}.__next__")  # an iterator: ``__iter__`` gives self
        facts = self.project.facts[fn.module]
        local = fn.qualname.removeprefix(fn.module + ".")
        listed = facts.return_items.get(local)  # ``return [Project(d) ...]``, ``-> List[P]``
        typ = self.resolve(listed) if listed else None
        self._yielding.add(made)
        try:
            # ``-> Union[PageList, List[Page]]``: a PageList must give Pages too.
            if any(self.yielded(c) != typ for c in facts.return_iterables.get(local, ())):
                return None
        finally:
            self._yielding.discard(made)
        return typ

    def _makes_instance(self, fn: Function, found: str, depth: int = 0) -> bool:
        """Whether ``fn`` hands back an instance of class ``found`` (``return
        self._devices``, ``return DeviceList(...)``), not the items of a generator it
        relays (``return self._pages()``)."""
        if self.resolve(found) not in self.class_names() or fn.is_generator or depth > 8:
            return False
        for call in (c for c in fn.calls if c.span in fn.relayed):
            target = self.resolve(call.target) or ""
            callee = self.functions.get(target)
            if target in self.class_names():
                continue
            if callee is None or not self._makes_instance(callee, found, depth + 1):
                return False
        return True

    def _picked(self, maker: str | None) -> str | None:
        """The class every class ``maker`` returns (see choices) is or derives from."""
        fn = self.functions.get(maker or "")
        classes = [self.resolve(c) or c for c in fn.returns_classes] if fn else []
        return self.common_base(classes)

    def common_base(self, classes: list[str]) -> str | None:
        """The nearest project class all of ``classes`` are or derive from, if any."""
        todo, seen = list(classes[:1]), set()
        while todo:
            base = todo.pop(0)
            below = {base, *self.subclasses(base)}
            if all(cls in below for cls in classes):
                return base
            seen.add(base)
            for facts in self._defining(base):
                todo += [self.resolve(b) or b for b in facts.classes.get(base, ()) if b not in seen]
        return None

    def _fixture(self, name: str, depth: int) -> str | None:
        """``api.get`` where ``api`` is a conftest fixture: the method of what it gives."""
        fixture, _, rest = name.partition(".")
        types = {
            facts.fixture_types[fixture]
            for facts in self.project.facts.values()
            if fixture in facts.fixture_types and facts.path.endswith("conftest.py")
        }
        if not types:
            # A fixture of a module the tests import it from (``from tests.fixtures
            # import api``): pytest finds it in the test module's namespace.
            types = {
                facts.fixture_types[fixture]
                for module, facts in self.project.facts.items()
                if fixture in facts.fixture_types and f"{module}.{fixture}" in self._imported()
            }
        if len(types) != 1:
            return None  # unknown, or two conftests disagree
        typ: str | None = types.pop()
        if typ and typ.startswith(FIXTURE_PREFIX) and typ.endswith(RETURNS_SUFFIX):
            # ``return gl.projects.get(1)``: what that method of another fixture returns.
            typ = self.returned(typ.removesuffix(RETURNS_SUFFIX), depth + 1)
            if typ is None:
                return None
        return self.resolve(".".join(filter(None, [typ, rest])), depth + 1)

    def _method(self, name: str, depth: int) -> str:
        if name in self.functions:
            return name
        owner, _, method = name.rpartition(".")
        for facts in self._defining(owner):
            if alias := facts.method_aliases.get(owner, {}).get(method):
                # ``create = put`` in the class body: ``self.create()`` calls ``put``.
                return self.resolve(f"{owner}.{alias}", depth + 1) or name
            bases = facts.classes.get(owner)
            if bases is None:
                continue
            for base in bases:
                found = self.resolve(f"{base}.{method}", depth + 1)
                if found and found in self.functions:
                    return found
                inherited = f"requests.Session.{method}"
                if self.resolve(base) in SESSION_BASES and owner in self.converted:
                    # An AsyncClient subclass now: its request methods are the client's.
                    if lookup(inherited) or inherited in CONTEXT_ENTRIES:
                        return inherited
                if found and owner in self.converted and found.startswith("requests.Session."):
                    return found  # inherited through a converted base
        # ``self.api.item`` where a base class, maybe in another module, sets ``self.api``.
        cls, _, attr = owner.rpartition(".")
        if attr.endswith(ITEMS_SUFFIX):
            # ``store.files`` where ``store`` is an item of ``project.storages``.
            listed = f"{cls}.{attr.removesuffix(ITEMS_SUFFIX)}"
            typ = self.yielded(listed) or self.attr_items(listed)
            return self.resolve(f"{typ}.{method}", depth + 1) or name if typ else name
        if attr == "__getitem__" + RETURNS_SUFFIX and (typ := self.attr_items(cls)):
            return self.resolve(f"{typ}.{method}", depth + 1) or name  # ``self.clients[0]``
        typ = self.attr_type(cls, attr) or self.accessed_type(cls, attr)
        prop = self.functions.get(self.resolve(f"{cls}.{attr}") or "")
        if typ is None and prop is not None and prop.property:
            typ = self.returned(prop.qualname)  # ``self.plugins[n]``: what the property gives
        if typ is None and not self._defining(cls) and not self._defining(owner):
            typ = self.value_type(owner)  # ``Town.region.source``: attributes of attributes
        if typ is not None:
            return self.resolve(f"{typ}.{method}", depth + 1) or name
        self._untyped.update(self._resolving)
        self.untyped_seen += 1
        return name

    def attr_items(self, held: str) -> str | None:
        """The one type of the items the attribute ``held`` (``pkg.Pool.clients``)
        is filled with (see facts.attr_items), wherever the object it is read on
        may have filled it: in its class, a base class or a subclass."""
        cls, _, attr = held.rpartition(".")
        related, todo = set(self.subclasses(cls)), [cls]
        while todo:
            current = todo.pop()
            if current in related:
                continue
            related.add(current)
            for facts in self._defining(current):
                todo += [self.resolve(b) or b for b in facts.classes.get(current, ())]
        found = [
            items
            for current in related
            for facts in self._defining(current)
            if (items := facts.attr_items.get(f"{current}.{attr}")) is not None
        ]
        return one_type(set().union(*found)) if found else None

    def attr_type(self, cls: str, attr: str) -> str | None:
        """The type of ``attr`` on instances of ``cls``: made or annotated by it or a base
        class, else what every assignment of it is given (from its callers)."""
        typ = self._attr_type(cls, attr, set())
        if typ is None and self.flow and self.flowed_attrs:
            typ = self.flowed_attrs.get((self.flow.family.get(cls, cls), attr))
        return typ if typ is not None else self._getattr_type(cls, attr)

    def _getattr_type(self, cls: str, attr: str) -> str | None:
        """What ``__getattr__`` gives for an attribute of ``cls`` nothing sets or defines:
        ``api.users`` of an API making an endpoint object per name."""
        if attr.startswith("__") or attr in self._assigned_attrs():
            return None
        hook = self.resolve(f"{cls}.__getattr__")
        if hook not in self.functions or self.resolve(f"{cls}.{attr}") in self.functions:
            return None
        return self.returned(hook or "")

    def self_assigned(self) -> tuple[SelfAssign, ...]:
        """Every attribute a method sets on ``self``, with what it is given and the type
        the attribute has (``attr_type``). Kept once the type flow has run, as the
        types are final then; rules asking before it get a fresh walk."""
        if self._self_assigned is not None:
            return self._self_assigned
        found = tuple(
            SelfAssign(fn, attr, held, self.attr_type(fn.class_qualname, attr))
            for fn in self.functions.values()
            if fn.class_qualname
            for attr, held in fn.self_assigns
        )
        if self.flow is not None:
            self._self_assigned = found
        return found

    def _imported(self) -> frozenset[str]:
        """Every name the project's modules import, as imported (``pkg.mod.name``)."""
        if self._imports is None:
            self._imports = frozenset(
                name for facts in self.project.facts.values() for name in facts.imports.values()
            )
        return self._imports

    def _assigned_attrs(self) -> frozenset[str]:
        """Every attribute name the project sets, on ``self``, a class body or another
        object: ``__getattr__`` is not asked for those."""
        if self._set_attrs is None:
            names = {attr for fn in self.functions.values() for attr, _ in fn.self_assigns}
            for facts in self.project.facts.values():
                names.update(facts.attr_writes, facts.attr_values)
                names.update(a for attrs in facts.class_attrs.values() for a in attrs)
                names.update(a for attrs in facts.attr_types.values() for a in attrs)
            self._set_attrs = frozenset(names)
        return self._set_attrs

    def session_method(self, cls: str, name: str) -> Function | None:
        """The method ``self.<name>()`` (or property ``self.<name>``) runs on an instance
        of ``cls`` when it gives a session (see ``ModuleFacts.session_returns``)."""
        method = name.removesuffix(RETURNS_SUFFIX)
        fn = self.functions.get(self.resolve(f"{cls}.{method}") or "")
        if fn is None or fn.class_qualname is None or (method == name) != bool(fn.property):
            return None
        return fn if self.gives_session(fn) else None

    def gives_session(self, fn: Function) -> str | None:
        """The session type function ``fn`` returns, if it makes or hands out one."""
        return self.project.facts[fn.module].session_returns.get(
            fn.qualname.removeprefix(fn.module + ".")
        )

    def accessor(self, cls: str, name: str) -> tuple[Function, str] | None:
        """The method or property (see :meth:`session_method`) giving the session an
        attribute holds, made there on first use or elsewhere, with that attribute's
        name (``_get_session`` -> ``_session``; see accessors.py)."""
        fn = self.session_method(cls, name)
        if fn is None:
            return None
        facts = self.project.facts[fn.module]
        held = facts.session_accessors.get(fn.qualname.removeprefix(fn.module + "."), "")
        return (fn, held.removeprefix("self.")) if held.startswith("self.") else None

    def made_where_used(self, call: Call) -> str | None:
        """Why ``call`` (``self.session.get(...)``, ``self._new_session().get(...)``) stays
        on requests: the session it goes through is one a method or property makes there,
        not one an attribute holds (see accessors.py)."""
        receiver = (call.target or "").rpartition(".")[0]
        cls, _, name = receiver.rpartition(".")
        fn = self.session_method(cls, name) if cls else None
        if fn is None or self.accessor(cls, name) is not None:
            return None
        where = f"{PurePath(self.project.facts[fn.module].path).name}:{fn.span.line}"
        if fn.property == "cached_property" or fn.memoised:
            kind = "cached property" if fn.property else f"method memoised by {fn.memoised}"
            made = f"the session {kind} {short_name(fn.qualname)} makes ({where})"
        else:
            each = "read" if fn.property else "call"
            made = f"a new session {short_name(fn.qualname)} makes on each {each} ({where})"
        return (
            f"stays on requests: {call.text.rpartition('.')[0]} is {made}, not one an"
            " attribute holds: a client per event loop is made for an attribute set where"
            " the session is made (if self._session is None: self._session ="
            " requests.Session() ... return self._session); keep it so to migrate it"
        )

    def accessed_type(self, cls: str, prop: str) -> str | None:
        """The session type a property of ``cls`` gives (see :meth:`session_method`)."""
        fn = self.session_method(cls, prop)
        return self.gives_session(fn) if fn else None

    def implementations(self, target: str | None) -> list[str]:
        """``obj.m`` where ``obj`` is typed with a project class that neither defines
        nor inherits ``m``: its instance is one of the subclasses, and the call
        reaches whichever ``m`` that subclass has. Every such method, sorted.

        They are recorded as one group (``dispatched``): the call is awaited or not
        for all of them, so they become async together.
        """
        if not target or target in self.functions:
            return []
        owner, _, method = target.rpartition(".")
        if owner not in self.class_names():
            return []
        found = {self.resolve(f"{sub}.{method}") for sub in self.subclasses(owner)}
        methods = sorted(m for m in found if m in self.functions)
        for m in methods:
            self.dispatched.setdefault(m, set()).update(methods)
        return methods

    def held_classes(self, fn: Function, held: str | None) -> list[str]:
        """The project classes of what ``held`` (as facts hold a value) names in ``fn``.

        A fixture a test method takes is looked up as pytest does, in each test
        class that runs it: a test a base class defines for its subclasses gets
        the fixture of each subclass, maybe of a different class each.
        """
        if not held:
            return []
        if held.startswith(FIXTURE_PREFIX):
            name = held.removeprefix(FIXTURE_PREFIX)
            if "." in name:
                return []
            given = self._fixture_given(fn, name)
            classes = [self.class_of(typ) for typ in given]
            return sorted({c for c in classes if c}) if all(classes) else []
        found = self.class_of(held)
        return [found] if found else []

    def class_of(self, typ: str | None) -> str | None:
        """The project class a type as facts write it names: ``pkg.Api`` re-exported,
        or ``pkg.Api.tags``, an attribute of one."""
        if not typ:
            return None
        parts = typ.split(".")
        for cut in range(len(parts), 0, -1):
            head = self.resolve(".".join(parts[:cut]))
            if head in self.class_names():
                found: str | None = head
                for attr in parts[cut:]:
                    found = self.resolve(self.attr_type(found, attr)) if found else None
                return found if found in self.class_names() else None
        return None

    def _fixture_given(self, fn: Function, name: str) -> list[str]:
        """What fixture ``name`` gives the test ``fn``, in every test class running it
        (empty: not known for one of them)."""
        cls = fn.class_qualname
        if cls is None:
            return []
        # pytest runs the test in each class named Test* that has it.
        runners = [
            c for c in (cls, *self.subclasses(cls)) if c.rpartition(".")[2].startswith("Test")
        ]
        given = []
        for runner in runners:
            typ = self._class_fixture(runner, name)
            module = self._module_of(runner)
            # A fixture of the module's own (not one of another class in it).
            if (
                typ is None
                and module
                and all(name not in f for f in module.class_fixtures.values())
            ):
                typ = module.fixture_types.get(name)
            if typ is None or typ.startswith(FIXTURE_PREFIX):
                typ = self._fixture(name, 0)  # or of a conftest
            if not typ:
                return []
            given.append(typ)
        return given

    def _class_fixture(self, cls: str, name: str) -> str | None:
        """The fixture ``name`` of ``cls`` or its nearest base class defining one
        (``""``: it gives an object of unknown type; None: none defines it)."""
        seen: set[str] = set()
        todo = [cls]
        while todo:
            current = todo.pop(0)
            if current in seen:
                continue
            seen.add(current)
            for facts in self._defining(current):
                fixtures = facts.class_fixtures.get(current, {})
                if name in fixtures:
                    return fixtures[name]
                todo += [self.resolve(b) or b for b in facts.classes.get(current, ())]
        return None

    def next_methods(self, target: str) -> list[str]:
        """What ``super().m()`` in a class with no bases reaches (see mro), found once."""
        if target not in self._next_methods:
            self._next_methods[target] = self._find_next_methods(target)
        return self._next_methods[target]

    def _find_next_methods(self, target: str) -> list[str]:
        cls = target.partition(SUPER_MARK)[0]

        def bases_of(name: str) -> list[str]:
            module = self._module_of(name)
            return [self.resolve(b) or b for b in module.classes.get(name, [])] if module else []

        defined = self.functions.__contains__
        return next_methods(target, self.subclasses(cls), bases_of, defined)

    def _module_of(self, cls: str) -> ModuleFacts | None:
        return next((f for f in self._defining(cls) if cls in f.classes), None)

    def public_methods(self, cls: str, prefix: str = "") -> list[str]:
        """The methods an instance of ``cls`` has whose names do not start with ``_``
        (with ``prefix``: those whose names start with it), its own or inherited from
        project classes (properties left out)."""
        found: dict[str, str] = {}
        seen: set[str] = set()
        todo = [cls]
        while todo:
            current = todo.pop(0)
            if current in seen:
                continue
            seen.add(current)
            for fn in self._methods_of().get(current, ()):
                named = fn.name.startswith(prefix) if prefix else not fn.name.startswith("_")
                if named and fn.property is None:
                    found.setdefault(fn.name, fn.qualname)
            module = self._module_of(current)
            if module is not None:
                todo += [self.resolve(b) or b for b in module.classes.get(current, ())]
        return sorted(found.values())

    _by_class: dict[str, list[Function]] | None = None

    def _methods_of(self) -> dict[str, list[Function]]:
        if self._by_class is None:
            self._by_class = {}
            for fn in self.functions.values():
                if fn.class_qualname:
                    self._by_class.setdefault(fn.class_qualname, []).append(fn)
        return self._by_class

    def value_type(self, held: str | None) -> str | None:
        """The project class of a value as the facts hold it (``pkg.Site``, an instance;
        ``pkg.Page.site``, an attribute of one), when one is known."""
        if not held or held.startswith((PARAM_PREFIX, FIXTURE_PREFIX)):
            return None
        parts = held.split(".")
        for cut in range(len(parts), 0, -1):
            head = ".".join(parts[:cut])
            if head not in self.class_names():
                head = self.resolve(head) or head  # re-exported: ``pkg.Scanner``
            if head in self.class_names():
                typ: str | None = head
                listing = None  # the method that gave a list, which ``[0]`` indexes
                for attr in parts[cut:]:
                    if typ and attr.endswith(RETURNS_SUFFIX):
                        # ``Site.images.__getitem__()``: what the method gives.
                        listing = f"{typ}.{attr.removesuffix(RETURNS_SUFFIX)}"
                        typ = self.returned(listing)
                        continue
                    if listing and attr == "__getitem__" + RETURNS_SUFFIX:
                        typ = self.yielded(listing)  # ``mgr.list()[0]``: one of its items
                    else:
                        if typ and typ not in self.class_names():
                            typ = self.resolve(typ) or typ  # ``razorpay.Client``, re-exported
                        typ = self.attr_type(typ, attr) if typ else None
                    listing = None
                return typ
        return None

    def _attr_type(self, cls: str, attr: str, seen: set[str]) -> str | None:
        """The type of ``attr`` on instances of ``cls``: set by it or by a base class."""
        if cls in seen or len(seen) > 16:
            return None
        seen.add(cls)
        for facts in self._defining(cls):
            typ = facts.attr_types.get(cls, {}).get(attr)
            if typ is not None:
                return typ
            for base in facts.classes.get(cls, ()):
                found = self._attr_type(self.resolve(base) or base, attr, seen)
                if found is not None:
                    return found
        return None

    def session_source(self, cls: str, attr: str) -> tuple[str, str]:
        """Whose session ``self.<attr>`` of ``cls`` is: its own, or that of the object
        it was handed, where every method setting it copies one (``self.session =
        client.session``, ``client`` a Client): one session, moved or kept as one."""
        if self.flow is None:
            return cls, attr  # nothing typed the objects handed in yet
        if self._copies is None:
            self._copies = _session_copies(self, self.flow)
        key, seen = (cls, attr), set()
        while key in self._copies and key not in seen:
            seen.add(key)
            key = self._copies[key]
        return key

    def attr_owner(self, cls: str, attr: str, depth: int = 0) -> str:
        """The class that sets ``attr`` for instances of ``cls``: ``cls`` itself, or the
        nearest base class that does (``self.session`` made in a base's ``__init__``)."""
        if depth > 16 or self._sets(cls, attr):
            return cls
        for facts in self._defining(cls):
            for base in facts.classes.get(cls, ()):
                owner = self.attr_owner(self.resolve(base) or base, attr, depth + 1)
                if self._sets(owner, attr):
                    return owner
        return cls

    def _sets(self, cls: str, attr: str) -> bool:
        """``cls`` itself gives its instances ``attr``: made or annotated there, or
        assigned what its callers hand in (``self.session = session``, see typeflow)."""
        if any(attr in f.attr_types.get(cls, {}) for f in self._defining(cls)):
            return True
        return self.flow is not None and ("attr", cls, attr) in self.flow.state

    def testcase_roots(self, cls: str) -> list[str]:
        """The project classes at or above ``cls`` that derive from ``unittest.TestCase`` itself.

        ``class Base(Mixin, unittest.TestCase)`` in a helper module, then ``class
        T(Base)``: converting ``Base`` keeps its helpers and serves every test class
        below it. Empty when ``cls`` is no unittest test class we can see.
        """
        bases_of = {
            owner: bases
            for facts in self.project.facts.values()
            for owner, bases in facts.classes.items()
        }
        roots: list[str] = []
        seen: set[str] = set()
        todo = [cls]
        while todo:
            current = todo.pop()
            if current in seen or current not in bases_of:
                continue
            seen.add(current)
            for base in bases_of[current]:
                resolved = self.resolve(base) or base
                if resolved == UNITTEST_TESTCASE:
                    if current not in roots:
                        roots.append(current)
                else:
                    todo.append(resolved)
        return roots

    def requests_extension(self, cls: str) -> str | None:
        """The requests class ``cls`` extends (itself when it comes from a requests_* package)."""
        seen: set[str] = set()
        todo = [cls]
        while todo:
            current = self.resolve(todo.pop()) or ""
            if current in seen:
                continue
            seen.add(current)
            if current in self.converted or current in self.converted_auths:
                return None  # an httpx class now
            if current in REQUESTS_EXTENSION_BASES:
                return current
            owner = next((f for f in self._defining(current) if current in f.classes), None)
            if owner is None:
                family = requests_family(current, self.project.packages)
                if family and current.rsplit(".", 1)[-1][:1].isupper():
                    return current
                continue
            todo.extend(owner.classes[current])
        return None

    def family_session_call(self, target: str) -> tuple[BlockingCall, str] | None:
        """A method of a requests_* package's session (``OAuth2Session.fetch_token``,
        ``super().request(...)`` in a project subclass of one): it sends through
        requests, which stays, so async code reaches it through a thread. The
        request entry standing for it, and why it stays."""
        if target in self.functions:
            return None  # the project's own (requests_oauthlib itself, migrated)
        owner, _, method = target.rpartition(".")
        name = owner.rsplit(".", 1)[-1]
        family = requests_family(owner, self.project.packages)
        if not (family and name.endswith("Session")) or method.startswith("_"):
            return None
        entry = lookup(f"requests.Session.{method if method in HTTP_VERBS else 'request'}")
        if entry is None:
            return None
        return entry, f"stays on requests: {name}.{method} sends through requests ({owner})"

    def kept_subclass_call(self, target: str) -> tuple[BlockingCall, str] | None:
        """A request method inherited by a project's requests.Session subclass that
        stays on requests (``self.session.get()`` with ``self.session =
        RetryingSession()``): it still sends through requests, so async code reaches
        it through a thread. The request entry standing for it, and why it stays."""
        owner, _, method = target.rpartition(".")
        why = self.subclass_refusals.get(owner)
        if target in self.functions or why is None:
            return None  # an override of its own is linked as the project's
        entry = lookup(f"requests.Session.{method}")
        return (entry, f"stays on requests: {why}") if entry is not None else None

    def keeps_requests(self, fn: Function, call: Call, entry: BlockingCall | None) -> str | None:
        """Why a requests call stays on requests: it is handed a requests-only object,
        or made inside a class that extends requests (``super().request(...)``)."""
        if (held := self.held_responses.get((fn.qualname, call.span))) is not None:
            return held
        target = self.resolve(call.target) or ""
        made_here = self.made_where_used(call) if entry is not None else None
        if made_here is not None:
            return made_here
        if target == "requests.Session.mount":
            # An adapter from a requests_* package (requests_file's FileAdapter)
            # serves its scheme only inside requests: httpx has no transport for it.
            for typ in call.arg_types:
                extended = self.requests_extension(typ)
                if extended is not None and requests_family(extended, self.project.packages):
                    return (
                        f"stays on requests: {call.text}(...) mounts a {extended}, which"
                        " httpx has no transport for"
                    )
        if entry is None and target not in REQUESTS_REQUEST_BUILDERS:
            return None
        if call.prepared is not None and call.prepared_refusal is None:
            return None  # built and sent through a session that moves (see prepared)
        if entry is not None and not entry.name.startswith("requests."):
            return None
        if entry is not None and call.text.split(".")[0] == "requests":
            replaced = self.replaced_requests().get(fn.module)
            if replaced is not None:
                return replaced
        owner = fn.class_qualname
        extended = self.requests_extension(owner) if owner else None
        if owner and extended and owner in self.subclass_refusals:
            return f"stays on requests: {self.subclass_refusals[owner]}"
        for typ in call.arg_types:
            # ``requests_oauthlib.OAuth1``: the class re-exported by its package.
            defined = self.resolve(typ) or typ
            if self.requests_extension(typ) is not None and defined in self.auth_refusals:
                return (
                    f"stays on requests: its argument of type {typ.rsplit('.', 1)[-1]} stays a"
                    f" requests auth: {self.auth_refusals[defined]}"
                )
        if owner and extended:
            return (
                f"stays on requests: {owner.rsplit('.', 1)[-1]} extends {extended} (port"
                f" it to {port_to(extended)} by hand)"
            )
        for typ in call.arg_types:
            extended = self.requests_extension(typ)
            if extended is not None:
                return (
                    f"stays on requests: its argument of type {typ.rsplit('.', 1)[-1]}"
                    f" extends {extended}, which httpx does not take (port that class to"
                    f" {port_to(extended)} by hand, then migrate this call)"
                )
        why = f" ({call.prepared_refusal})" if call.prepared_refusal else ""
        if entry is None:
            return (
                f"stays on requests: {call.text}(...) builds a request by hand (prepared"
                f" and sent through a Session){why}; migrate it with the code that sends it"
            )
        if entry.http_method == "SEND":
            return (
                f"stays on requests: {call.text}(...) sends a request prepared by requests{why};"
                " build it with client.build_request and send it with the client together,"
                " by hand"
            )
        return None

    def wrapped_calls(self, wrapper: str) -> list[Span]:
        """Where a decorator wrapper calls the function it wraps."""
        fn = self.functions[wrapper]
        owner = fn.class_qualname
        init = self.functions.get(f"{owner}.__init__") if owner else None
        kept = {f"self.{attr}" for attr in init.param_attrs} if init else set()
        # The decorator's own parameter (``f``), not a factory's (``error`` in
        # ``on_http_error(error)``, an exception class the wrapper raises).
        return [
            span
            for outer, name, span in fn.param_calls
            if (outer == fn.parent and not name.startswith("self."))
            or (outer == owner and name in kept)
        ]

    _escaping: set[str] | None = None
    _replaced: dict[str, str] | None = None

    def replaced_requests(self) -> dict[str, str]:
        """Modules whose ``requests`` a test replaces, and why (see replaced_modules)."""
        if self._replaced is None:
            facts = self.project.facts
            self._replaced = replaced_requests(self.functions.values(), facts, self.class_names())
        return self._replaced

    _slots: dict[str, tuple[str, ...]] | None = None
    _handed: Handed = field(default_factory=Handed)

    def class_slots(self) -> dict[str, tuple[str, ...]]:
        """Attributes holding classes, only ever called: set in a class body (see
        class_slots) or from what every call of a constructor hands it (handed_classes)."""
        if self._slots is None:
            facts = list(self.project.facts.values())
            functions = self.functions.values()
            classes = self.class_names()
            self._slots = class_slots(classes, facts, functions, self.resolve)
            hidden = self._hidden_callers
            self._handed = handed(classes, facts, self.functions, self.resolve, hidden)
            self._slots.update(self._handed.slots)
            if self._handed.params:
                self._resolved.clear()  # what a maker handed a class returns is known now
        return self._slots

    def handed_classes(self) -> frozenset[tuple[str, Span]]:
        """Where a class is handed to be kept and called (see handed_classes): no value
        handed where no call shows what it is given."""
        self.class_slots()
        return self._handed.spans

    _valued: set[str] | None = None

    def _hidden_callers(self, fn: Function) -> bool:
        """Whether ``fn`` may be called where no call shows what it is given: a framework
        or a decorator calls it, it (its class, for ``__init__``) is used as a value, or
        a module not analysed yet names it."""
        if fn.framework or any(
            d.text not in ("staticmethod", "classmethod") for d in fn.decorators
        ):
            return True
        made = fn.class_qualname if fn.name == "__init__" else fn.qualname
        if made is None:
            return False
        named = {made, *self.subclasses(made)} if fn.name == "__init__" else {made}
        if self._valued is None:
            self._valued = {
                self.resolve(v) or v for f in self.project.facts.values() for v in f.values
            }
            self._valued |= {
                self.resolve(ref.target) or ref.target
                for other in self.functions.values()
                for ref in other.refs
                if ref.target and not ref.instance
            }
        if named & self._valued:
            return True
        return bool(self.project.mentioning(name.rpartition(".")[2] for name in named))

    def slot_made(self, name: str) -> str | None:
        """``self.client_class()`` (``client_class = Client``, see class_slots): the
        class its calls make, the one every class the slot is given is or derives from."""
        owner, _, attr = name.rpartition(".")
        classes = self.class_slots().get(attr)
        if not classes or (self.resolve(owner) or owner) not in self.class_names():
            return None
        return self.common_base([self.resolve(c) or c for c in classes])

    def slot_classes(self, call: Call) -> tuple[str, ...]:
        """The classes a call through a class attribute, or a parameter every caller hands
        a class, makes one of (see class_slots, handed_classes)."""
        classes = called_slot(call, self.class_slots())
        if not classes:
            return self._handed.calls.get(id(call), ())
        return classes if slot_owner(call, self.class_names(), self.resolve) else ()

    def escaping_classes(self) -> set[str]:
        """Classes used as values the module facts cannot tell alone: returned by a
        function (see choices) whose result is not only called at once, or kept in
        an attribute some module reads (``self.page_class = Page``)."""
        if self._escaping is None:
            self._escaping = set()
            read = {part for fn in self.functions.values() for part in _attributes_read(fn)}
            for facts in self.project.facts.values():
                for attr, classes in facts.attr_classes.items():
                    if attr in read and attr not in self.class_slots():
                        self._escaping.update(classes)
            for fn in self.functions.values():
                for call in fn.calls:
                    maker = self.functions.get(self.resolve(call.target) or "")
                    if maker is not None and maker.returns_classes and not call.result_called:
                        self._escaping.update(maker.returns_classes)
                for ref in fn.refs:
                    maker = self.functions.get(self.resolve(ref.target) or "")
                    if maker is not None and maker.returns_classes:
                        self._escaping.update(maker.returns_classes)
        return self._escaping

    def chosen(self, call: Call) -> list[str]:
        """The constructors a call through a class picked by a value runs (see choices)."""
        classes = call.choices or self.slot_classes(call)
        if call.chosen_by:
            maker = self.functions.get(self.resolve(call.chosen_by) or "")
            classes = maker.returns_classes if maker else ()
        found = []
        for cls in classes:
            init = self.resolve(f"{self.resolve(cls) or cls}.__init__")
            if init in self.functions and init not in found:
                found.append(init)
        return found

    def alternatives(self, call: Call) -> list[str]:
        """The functions a call through a loop variable reaches (see loop_functions),
        recorded as one group (``dispatched``): one await serves them all. None unless
        each is a function of the project."""
        return self._dispatched_group(call.alternatives)

    def returned_functions(self, call: Call) -> list[str]:
        """The functions a call of what a function returned reaches (``http_method =
        self._get_update_method()`` then ``http_method(...)``, see returned_functions),
        recorded as one group like :meth:`alternatives`; none unless each is ours."""
        target = (call.target or "").removesuffix(".__call__")
        if not target.endswith(RETURNS_SUFFIX):
            return self.getattr_closures(call.target)
        maker = self.functions.get(self.resolve(target.removesuffix(RETURNS_SUFFIX)) or "")
        if maker is None or not maker.returned_refs:
            return []
        return self._dispatched_group(maker.returned_refs)

    def getattr_closures(self, name: str | None) -> list[str]:
        """``api.action.org_list``: a name nothing defines or sets on a class whose
        ``__getattr__`` hands back a function of the project (a closure made per
        name): a call of it runs that (one group, as :meth:`returned_functions`)."""
        target = self.resolve(name) if name else None
        if not target or target in self.functions:
            return []
        cls, _, attr = target.rpartition(".")
        if cls not in self.class_names() or attr.startswith("__"):
            return []
        hook = self.functions.get(self.resolve(f"{cls}.__getattr__") or "")
        if hook is None or not hook.returned_refs or attr in self._assigned_attrs():
            return []
        return self._dispatched_group(hook.returned_refs)

    def _dispatched_group(self, targets: tuple[str, ...]) -> list[str]:
        """The project functions ``targets`` name, recorded as one group (one await
        serves them all); none unless each is one."""
        found = [self.resolve(target) for target in targets]
        methods = sorted({f for f in found if f in self.functions})
        if len(methods) != len(set(found)):
            return []
        for m in methods:
            self.dispatched.setdefault(m, set()).update(methods)
        return methods

    def instance_call(self, call: Call, target: str) -> str | None:
        """The ``__call__`` a call of an instance runs: ``client.servers()``, where
        ``servers`` holds one, or ``ranker(n)``, ``ranker`` a module's global one."""
        if not call.target or target in self.functions:
            return None
        if target in self.class_names() and not self._global_instance(call.target):
            return None  # the class itself: its constructor runs
        called = self.resolve(f"{call.target}.__call__")
        return called if called in self.functions else None

    def _global_instance(self, name: str) -> bool:
        for _ in range(8):  # through the imports that re-export it
            module, _, head = name.rpartition(".")
            mod = self.project.facts.get(self.project.canonical(module))
            if mod is None:
                return False
            if head not in mod.imports:
                return head not in mod.defs and self._instance_type(mod, head) is not None
            name = mod.imports[head]
        return False

    def callee_of(self, call: Call) -> str | None:
        if id(call) in self.named:
            return self.named[id(call)]
        if returned := self.returned_functions(call):
            return returned[0]
        if call.choices or call.chosen_by or self.slot_classes(call):
            return next(iter(self.chosen(call)), None)
        if call.alternatives:
            return next(iter(self.alternatives(call)), None)
        if call.target and SUPER_MARK in call.target:
            return next(iter(self.next_methods(call.target)), None)
        target = self.resolve(call.target)
        if target is None:
            return None
        if call.dunder == "truth":  # ``if not jobs:``: its __bool__, or else its __len__
            runs = (self.resolve(target.removesuffix("__len__") + d) for d in TRUTH_DUNDERS)
            return next((found for found in runs if found in self.functions), None)
        if target in self.functions:
            return target
        if (called := self.instance_call(call, target)) is not None:
            return called
        # Instantiating a project class runs its __init__, or the one it inherits
        # (``raise ServerError(msg, response)`` runs its base's).
        init = self.resolve(f"{target}.__init__") or f"{target}.__init__"
        if init in self.functions:
            return init
        if f"{target}.__post_init__" in self.functions:
            return f"{target}.__post_init__"  # a dataclass's generated __init__ runs it
        if call.iterates and target.endswith(".__next__"):
            # ``for e in executors``: a class whose ``__iter__`` is a generator runs it.
            made = self.resolve(target.removesuffix("__next__") + "__iter__")
            if made in self.functions and self.functions[made].is_generator:
                return made
        # One of the methods subclasses define: they become async together.
        return next(iter(self.implementations(target)), None)


@dataclass
class _Links:
    """What one function adds to the graph: its edges, blocking and kept calls."""

    edges: list[Edge] = field(default_factory=list)
    blocking: list[tuple[Call, BlockingCall]] = field(default_factory=list)
    kept: list[tuple[Call, str]] = field(default_factory=list)
    unknown_reads: list[tuple[str, Call]] = field(default_factory=list)
    wrapped_by: list[str] = field(default_factory=list)  # wrappers of the function
    untyped: bool = False  # a name met an attribute of unknown type


def build_graph(
    project: Project,
    refused: dict[tuple[str, str], str] | None = None,
    held_calls: dict[tuple[str, Span], str] | None = None,
) -> CallGraph:
    """Edges between the analysed functions, and their direct blocking calls.

    Types flowing from call sites into attributes and parameters (see
    typeflow) are found from the edges; the functions whose names met an
    attribute or parameter that then got a type are linked again. ``refused``:
    sessions kept on requests for what their callers hand in (see injected);
    ``held_calls``: request calls kept on requests for their responses' helpers
    (see held_responses).
    """
    graph = CallGraph(project=project, functions=project.functions())
    for facts in project.facts.values():
        for group in facts.run_together:
            for qualname in group:
                graph.dispatched.setdefault(qualname, set()).update(group)
    graph.held_responses = dict(held_calls or {})
    graph.object_attrs = object_attrs(graph.functions, project.facts)
    decide_subclasses(graph)
    graph._resolved.clear()  # names resolved before the subclasses were known
    # A session that one call keeps on requests stays a requests.Session for
    # every call made through it (a global, or ``self.<attr>``).
    kept: dict[tuple[str, str] | None, str] = {key: why for key, why in (refused or {}).items()}
    graph.kept_sessions = {**kept, **_kept_sessions(graph)}
    for held, why in held_factory_sessions(graph).items():
        graph.kept_sessions.setdefault(held, why)
    for held, why in _lazy_sessions_sending(graph).items():
        graph.kept_sessions.setdefault(held, why)
    links = {qualname: _link(graph, fn, fresh=True) for qualname, fn in graph.functions.items()}
    flow = graph.flow = TypeFlow(graph)
    graph.flowed_attrs = flow.solve()
    graph._self_assigned = graph._copies = None  # asked while the flow was solving
    # Sessions factories make, known once the attributes they are kept in have a type.
    made_elsewhere = {
        **_unseen_makers(graph),  # the others name the cause better
        **_factory_sessions(graph),
        **_rebound_sessions(graph),
        **_mixed_sessions(graph),
        **_handed_auths(graph),
    }
    factory = {k: why for k, why in made_elsewhere.items() if k not in graph.kept_sessions}
    graph.kept_sessions.update(factory)
    if any(key is not None and key[0] in graph.moved_factories for key in factory):
        # A factory's own session kept only now, the flow known (it is given an auth
        # that stays a requests auth): the sessions it makes stay with it.
        graph.moved_factories.clear()
        late = held_factory_sessions(graph)
        factory.update({k: why for k, why in late.items() if k not in graph.kept_sessions})
        graph.kept_sessions.update(factory)
    _auths_handed_to_kept_sessions(graph)
    typed = {
        fn.qualname
        for fn, call in flow.param_calls
        if call.target or (isinstance(call, Call) and call.alternatives)
    } | {fn.qualname for fn in flow.either_calls}
    typed |= {fn.qualname for fn, ref in flow.param_refs if ref.target}
    # The calls made through those sessions are linked again, as kept ones.
    owners = {key[0] for key in factory if key is not None}
    typed |= {q for q, fn in graph.functions.items() if fn.class_qualname in owners}
    if graph.flowed_attrs or typed:
        # What met an attribute of unknown type resolves again, now that some have one.
        for key in graph._untyped:
            graph._resolved.pop(key, None)
        for qualname, fn in graph.functions.items():
            if links[qualname].untyped or qualname in typed:
                links[qualname] = _link(graph, fn, fresh=False)
    for qualname, found in links.items():
        graph.edges += found.edges
        if found.blocking:
            graph.blocking[qualname] = found.blocking
        if found.kept:
            graph.kept[qualname] = found.kept
        for attr, read in found.unknown_reads:
            graph.unknown_reads.setdefault(attr, []).append((qualname, read))
        for wrapper in found.wrapped_by:
            graph.wrapped_by.setdefault(wrapper, []).append(qualname)
    for edge in graph.edges:
        graph.callers.setdefault(edge.callee, []).append(edge)
    return graph


def _link(graph: CallGraph, fn: Function, fresh: bool) -> _Links:
    found = _Links()
    misses = graph.untyped_seen
    for call in fn.calls:
        if call.param_target and fresh:
            call.target = None  # given again by this graph's type flow, if at all
        target = graph.resolve(call.target)
        entry = lookup(target) if target else None
        if entry is not None and entry.family == "retrying" and not call.iterated:
            entry = None  # a retrying object made, kept or called: only its loop sleeps
        if entry is None and call.context_manager and target in CONTEXT_ENTRIES:
            owner = graph.resolve((call.target or "").rpartition(".")[0])
            entry = CONTEXT_ENTRIES[target] if owner in graph.converted else None
        kept = call.refusal or graph.keeps_requests(fn, call, entry)
        if entry is None and target:
            kept_call = graph.family_session_call(target) or graph.kept_subclass_call(target)
            entry, kept = kept_call or (None, kept)
        if kept is None and entry is not None:
            kept = graph.kept_sessions.get(session_key(graph, fn, call.text, call.target))
        if kept is not None:
            found.kept.append((call, kept))
            if entry is None:
                continue
            # It still blocks: async code reaches it through a thread, as it
            # reaches sqlite3 or open().
            entry = replace(entry, action=Action.BRIDGE)
        if entry is not None:
            found.blocking.append((call, entry))
            continue
        if returned := graph.returned_functions(call):
            for given in returned:
                found.edges.append(Edge(fn.qualname, given, call.span, call))
            continue
        if call.choices or call.chosen_by or graph.slot_classes(call):
            for made in graph.chosen(call):
                found.edges.append(Edge(fn.qualname, made, call.span, call))
            continue
        if call.alternatives:
            for looped in graph.alternatives(call):
                found.edges.append(Edge(fn.qualname, looped, call.span, call))
            continue
        if call.target and SUPER_MARK in call.target:
            # ``super().refresh()`` in a mixin: the next class's, in each that mixes it in.
            methods = graph.next_methods(call.target)
            for method in methods:
                graph.dispatched.setdefault(method, set()).update(methods)
                found.edges.append(Edge(fn.qualname, method, call.span, call))
            continue
        callee = graph.callee_of(call)
        if callee is not None:
            for method in graph.implementations(graph.resolve(call.target)) or [callee]:
                found.edges.append(Edge(fn.qualname, method, call.span, call))
    for read in fn.reads:
        # A property's getter runs where its attribute is read.
        target = graph.resolve(read.target) if read.target else None
        # ``Client().get_room(id).display_name``: what the call gives has no known type.
        called = target is not None and target.rpartition(".")[0].endswith(")")
        if target is None or (called and target not in graph.functions):
            if MOCK_RESULT not in read.text.split(".")[1:-1]:
                found.unknown_reads.append((read.text.rpartition(".")[2], read))
        elif target in graph.functions and graph.functions[target].property:
            found.edges.append(Edge(fn.qualname, target, read.span, read))
    for write in fn.writes:
        target = graph.resolve(write.target) if write.target else None
        setter = f"{target}.<setter>"
        if target in graph.functions and setter in graph.functions:
            found.edges.append(Edge(fn.qualname, setter, write.span, write, via="write"))
    for kept_function in fn.kept_functions if fresh else ():
        if kept_function.param_target:
            kept_function.target = None  # given again by this graph's type flow, if at all
    for ref in fn.refs:
        if ref.param_target and fresh:
            ref.target = None  # given again by this graph's type flow, if at all
        target = graph.resolve(ref.target)
        # ``f(obj.prop)`` hands over what the getter returns: a read (above), no value.
        if target in graph.functions and not graph.functions[target].property:
            found.edges.append(Edge(fn.qualname, target, ref.span, None, via="ref", ref=ref))
            continue
        for made in graph.getattr_closures(ref.target):  # ``assertRaises(E, api.action.x)``
            found.edges.append(Edge(fn.qualname, made, ref.span, None, via="ref", ref=ref))
    for decorator in fn.decorators:
        wrapper = wrapper_of(graph.functions, graph.resolve(decorator.target), decorator.is_call)
        if wrapper is not None:
            found.wrapped_by.append(wrapper)
            # The wrapper calls the function it wraps.
            found.edges.append(Edge(wrapper, fn.qualname, decorator.span, None, via="decorator"))
    found.untyped = graph.untyped_seen > misses
    return found


def _method_made(mod: ModuleFacts, rest: list[str]) -> str | None:
    """``Sleepers.make().sleep`` in the module defining Sleepers: the type ``make`` returns."""
    if len(rest) < 2 or not rest[1].endswith(RETURNS_SUFFIX):
        return None
    name = f"{rest[0]}.{rest[1].removesuffix(RETURNS_SUFFIX)}"
    return mod.return_types.get(name) or mod.session_returns.get(name)


def _kept_sessions(graph: CallGraph) -> dict[tuple[str, str] | None, str]:
    """Sessions that stay requests.Session, and why: one of their calls keeps requests,
    or they are given a requests-only object (``session.auth = OAuth1(...)``)."""
    kept: dict[tuple[str, str] | None, str] = {}
    for fn in graph.functions.values():
        for text, typ in fn.attr_sets:
            extended = graph.requests_extension(typ)
            key = session_key(graph, fn, text)
            if extended and key:
                kept[key] = (
                    f"stays on requests: {text} is set to a {typ.rsplit('.', 1)[-1]}, which"
                    f" extends {extended}"
                )
        for call in fn.calls:
            key = session_key(graph, fn, call.text, call.target)
            entry = lookup(graph.resolve(call.target) or "")
            if (fn.qualname, call.span) in graph.held_responses:
                continue  # this call's response, not its session, keeps it (held_responses)
            if key and key not in kept and graph.keeps_requests(fn, call, entry):
                kept[key] = (
                    f"stays on requests: {call.text.rsplit('.', 1)[0]} is a session that"
                    " other calls keep on requests"
                )
        if graph.project.facts[fn.module].is_test_file:
            continue  # a test checking what requests held is named (http_reviews)
        for read, key, why in session_reads_back(graph, fn):
            if key not in kept:
                where = f"{PurePath(graph.project.facts[fn.module].path).name}:{read.span.line}"
                kept[key] = f"stays on requests: {read.text} is read ({where}), and {why}"
    for facts in graph.project.facts.values():
        for cls, fields in facts.session_fields.items():
            for name in fields:
                kept.setdefault(
                    (cls, name),
                    f"stays on requests: {cls.rsplit('.', 1)[-1]}.{name} is made by its"
                    " field's factory, which the migration does not make a client per"
                    " event loop (it does where a method or the class body makes one)",
                )
    return kept


def _rebound_sessions(graph: CallGraph) -> dict[tuple[str, str] | None, str]:
    """``if not session: session = requests.Session()`` then ``self.s = session``:
    a session the caller may give, or one made in a statement of its own. The
    rewrite carries the one-expression form (``session or requests.Session()``,
    see defaults.py) into a client per event loop; this one stays on requests,
    with its subclasses."""
    kept: dict[tuple[str, str] | None, str] = {}
    for fn in graph.functions.values():
        owner = fn.class_qualname
        if owner is None:
            continue
        injected = {injection.holder for injection in fn.injected}
        for param, attr in fn.kept_params:
            if f"self.{attr}" in injected or graph.attr_type(owner, attr) not in SESSION_TYPES:
                continue
            if not any(text == param for text, _ in fn.attr_sets):
                continue  # handed in only: its callers decide
            file = PurePath(graph.project.facts[fn.module].path).name
            why = (
                f"stays on requests: self.{attr} is the {param}= its caller gives, or a"
                f" session made in a statement of its own ({short_name(fn.qualname)},"
                f" {file}:{fn.span.line}): write `self.{attr} = {param} or"
                " requests.Session()` to migrate it"
            )
            for cls in (owner, *graph.subclasses(owner)):
                kept[(cls, attr)] = why
    return kept


def _mixed_sessions(graph: CallGraph) -> dict[tuple[str, str] | None, str]:
    """``self.s`` given a session in some places and another value in others (the
    ``requests.api`` module, a value of no known type): its calls, typed by the
    session, would be awaited whatever it holds, so it stays on requests."""
    kept: dict[tuple[str, str] | None, str] = {}
    flow = graph.flow
    asked: dict[tuple[str, str], tuple[str, str] | None] = {}
    for fn in graph.functions.values():
        owner = fn.class_qualname
        if flow is None or owner is None:
            continue
        for call in fn.calls:
            parts = call.text.split(".")
            if len(parts) != 3 or parts[0] != "self":
                continue
            entry = lookup(graph.resolve(call.target) or "")
            if entry is None or entry.family != "http-client":
                continue
            if (owner, parts[1]) not in asked:
                asked[(owner, parts[1])] = flow.mixed_session(owner, parts[1])
            mixed = asked[(owner, parts[1])]
            if mixed is not None:
                kept.setdefault(
                    session_key(graph, fn, call.text),
                    f"stays on requests: {mixed[1]}; give {parts[1]} a session wherever it"
                    " is set to migrate it",
                )
    return kept


def _handed_auths(graph: CallGraph) -> dict[tuple[str, str] | None, str]:
    """``self.session.auth = auth``, ``auth`` what the callers hand in: where one of
    them hands a requests auth that stays one (``SignedAuth()``, whose ``__call__``
    reads what an httpx.Request lacks), httpx would be handed it, so the session
    stays on requests, with its calls."""
    kept: dict[tuple[str, str] | None, str] = {}
    for text, param, key, types in _auth_params(graph):
        for typ in types:
            extended = graph.requests_extension(typ)
            if extended is not None:
                kept.setdefault(
                    key,
                    f"stays on requests: {text} is set to the {param}= its callers give,"
                    f" a {typ.rsplit('.', 1)[-1]} among them, which extends {extended}",
                )
    return kept


def _auths_handed_to_kept_sessions(graph: CallGraph) -> None:
    """``self.session.auth = auth`` on a session that stays on requests: an auth the
    callers hand in stays a requests auth too (requests cannot call an httpx.Auth)."""
    for text, _, key, types in _auth_params(graph):
        for typ in types if key in graph.kept_sessions else ():
            if typ in graph.converted_auths:
                graph.auth_refusals[typ] = (
                    f"it is handed to {text}, on a session that stays on requests"
                )
                graph.converted_auths = graph.converted_auths - {typ}
                graph._resolved.clear()


def _auth_params(
    graph: CallGraph,
) -> Iterator[tuple[str, str, tuple[str, str], list[str]]]:
    """Each ``<session>.auth = <param>`` (as written, the parameter), the session's
    key, and the types of what the callers hand that parameter (see typeflow)."""
    for fn in graph.functions.values():
        for text, param in fn.param_sets:
            key = session_key(graph, fn, text) if graph.flow is not None else None
            if key is not None and text.endswith(".auth"):
                given = graph.flow.given_types(fn, param)  # type: ignore[union-attr]
                # ``session.auth = auth_class(*args)``: the classes handed in by name.
                made = classes_handed(
                    fn, param, graph.class_names(), graph.functions, graph.resolve
                )
                yield text, param, key, sorted({*given, *made})


def _unseen_makers(graph: CallGraph) -> dict[tuple[str, str] | None, str]:
    """``self.session: requests.Session = make()``, typed by its annotation only: what
    ``make`` (a parameter, a library's function) gives is out of sight, so no client
    can be made in its place: the session stays on requests, with its calls."""
    kept: dict[tuple[str, str] | None, str] = {}
    for one in graph.self_assigned():
        if one.typ not in SESSION_TYPES or _seen_maker(graph, one.held):
            continue
        if one.held:
            why = (
                f"stays on requests: self.{one.attr} is given what"
                f" {one.held.removeprefix(PARAM_PREFIX)} gives, which the migration cannot"
                " see: make the session there (or hand one in) to migrate it"
            )
        else:  # ``self.base, self.session = base, requests.Session()``, or out of sight
            why = (
                f"stays on requests: self.{one.attr} is given a value the migration cannot"
                " turn into a client per event loop (a session made inside a larger"
                " statement, or a value out of sight): make the session in a statement of"
                f" its own (`self.{one.attr} = requests.Session()`) to migrate it"
            )
        kept.setdefault(session_key(graph, one.fn, f"self.{one.attr}.request"), why)
    return kept


def _seen_maker(graph: CallGraph, held: str | None) -> bool:
    """Whether a session attribute's value ``held`` is one the migration sees made: a
    session made or handed in, a project function's or class's (or either of two)."""
    if held is None:
        return False
    if "|" in held:
        return all(_seen_maker(graph, one) for one in held.split("|"))
    if not held.endswith(RETURNS_SUFFIX):
        return True
    called = held.removesuffix(RETURNS_SUFFIX)
    if called.startswith(PARAM_PREFIX):
        return "." in called.removeprefix(PARAM_PREFIX)  # not ``make()``, a callable handed in
    target = graph.resolve(called) or called
    return target in CONSTRUCTORS or target in graph.functions or target in graph.class_names()


def _lazy_sessions_sending(graph: CallGraph) -> dict[tuple[str, str] | None, str]:
    """Sessions made on first use by the function or method handing them out (see
    accessors.py) that sends a request through the one it makes (logs in): a client per
    event loop would have sent it on the first loop only, and kept what it set up
    (cookies) there. They stay on requests, with every call through them."""
    kept: dict[tuple[str, str] | None, str] = {}
    for fn in graph.functions.values():
        facts = graph.project.facts[fn.module]
        held = facts.session_accessors.get(fn.qualname.removeprefix(fn.module + "."))
        if held is None:
            continue
        key = session_key(graph, fn, f"{held}.request")
        for call in fn.calls:
            sent = call.text.rpartition(".")
            if sent[0] != held or sent[2] not in (*HTTP_VERBS, "request", "send"):
                continue
            file = PurePath(facts.path).name
            why = (
                f"stays on requests: {held} is the session {short_name(fn.qualname)} makes on"
                f" first use and sends a request with ({file}:{call.span.line}): a client per"
                " event loop would send it on the first loop only, and keep what it set up"
                " (cookies) there"
            )
            owners = [key[0], *graph.subclasses(key[0])] if key and fn.class_qualname else []
            for owner in owners:
                kept[(owner, held.removeprefix("self."))] = why
            kept.setdefault(key, why)
            break
    return kept


def _factory_sessions(graph: CallGraph) -> dict[tuple[str, str] | None, str]:
    """Sessions a factory makes for ``self.<attr>`` (``self.session =
    self.create_session(...)``), kept on requests with what would carry them
    across: the per-loop client is made from the session's own creation and
    configuration, which a factory keeps out of reach."""
    kept: dict[tuple[str, str] | None, str] = {}
    for one in graph.self_assigned():
        owner, attr, held = one.fn.class_qualname or "", one.attr, one.held or ""
        if not held.endswith(RETURNS_SUFFIX) or one.typ not in SESSION_TYPES:
            continue
        factory = _session_factory(graph, held.removesuffix(RETURNS_SUFFIX))
        if factory is None or factory.qualname in graph.moved_factories:
            continue
        why = f"stays on requests: self.{attr} is made by {short_name(factory.qualname)}"
        file = PurePath(graph.project.facts[factory.module].path).name
        if factory.runtime_setattrs:
            obj, line = factory.runtime_setattrs[0]
            why += (
                ", which sets its attributes by names known only at run time"
                f" (setattr({obj}, ...) at {file}:{line}): httpx.AsyncClient takes verify,"
                " cert, proxies and trust_env only when it is made, so pass each setting"
                " to httpx.AsyncClient(...) by name"
            )
        else:
            why += (
                f", a factory ({file}:{factory.span.line}): a client per event loop is made"
                f" only from a session made where self.{attr} is set (self.{attr} ="
                " requests.Session()); make it there to migrate it"
            )
        for cls in (owner, *graph.subclasses(owner)):
            kept[(cls, attr)] = why
    return kept


def held_factory_sessions(graph: CallGraph) -> dict[tuple[str, str] | None, str]:
    """Sessions a top-level factory makes, kept in a module global, ``self.<attr>``
    or a local (``SESSION = make_session()``, ``s = make_session()``).

    A factory that only makes and configures the session it returns moves to
    httpx, with every session it makes (``graph.moved_factories``; the rewrite
    makes it return an AsyncClient and keeps a shared one per event loop). One
    that does more (logs in, returns something else), whose session is used in
    place or handed on, or one of whose sessions stays on requests for another
    reason keeps all of them on requests, and the plan says why: never half
    migrated."""
    kept: dict[tuple[str, str] | None, str] = {}
    tree = graph.project.tree

    sites: dict[str, list[Held]] = {}
    why_not: dict[str, str] = {}
    for fn in graph.functions.values():
        for call in fn.calls:
            factory = _top_level_factory(graph, call.target)
            if factory is None or call.context_manager:
                continue
            kind = held_where(tree(fn.module), fn, call)
            file = PurePath(graph.project.facts[fn.module].path).name
            sites.setdefault(factory.qualname, [])
            if kind is None or kind == "annotated":
                what = "kept in an annotated name" if kind else "used where it is made"
                why_not.setdefault(
                    factory.qualname, f"its session is {what} ({file}:{call.span.line})"
                )
                kind = kind or "in place"
            site = Held(fn, call, kind, _held_name(tree(fn.module), call))
            sites[factory.qualname].append(site)
            configured = (
                configured_where_kept(tree(fn.module), site.name)
                if kind in ("global", "attr")
                else None
            )
            if configured is not None:
                why_not.setdefault(
                    factory.qualname,
                    f"{site.name} is set up after the factory made it ({file}:{configured})",
                )
            if kind == "global" and site.name not in graph.project.facts[fn.module].typed_names:
                why_not.setdefault(
                    factory.qualname,
                    f"the calls made through {site.name} are not followed"
                    f" ({file}:{call.span.line})",
                )
        for ref in fn.refs:
            factory = _top_level_factory(graph, ref.target)
            if factory is not None:
                file = PurePath(graph.project.facts[fn.module].path).name
                why_not.setdefault(
                    factory.qualname, f"it is handed on as a value ({file}:{ref.span.line})"
                )
    for qualname in sites:
        factory = graph.functions[qualname]
        shape = _factory_shape(graph, factory, tree(factory.module))
        if shape is not None:
            why_not.setdefault(qualname, shape)
        node = _factory_def(factory, tree(factory.module))
        made = made_name(node, _made_lines(graph, factory)) if node else None
        own = graph.kept_sessions.get((qualname, made)) if made else None
        if own is not None:  # ``session.auth = auth_class()``, a requests auth among them
            why = own.removeprefix("stays on requests: ")
            why_not.setdefault(qualname, f"the session it makes stays on requests ({why})")
        for site in sites[qualname]:
            other = graph.kept_sessions.get(held_key(graph, site))
            if other is not None and qualname not in why_not:
                why = other.removeprefix("stays on requests: ")
                why_not[qualname] = f"one of its sessions stays on requests ({why})"
    for qualname, held_at in sites.items():
        if qualname not in why_not:
            graph.moved_factories[qualname] = held_at
            continue
        factory = graph.functions[qualname]
        file = PurePath(graph.project.facts[factory.module].path).name
        kind = graph.project.facts[factory.module].session_returns[_local_name(factory)]
        stays = "stays on requests" if kind.startswith("requests") else "stays sync"
        made_kind = f"a {kind}" if kind.startswith("requests") else f"an {kind}"
        node = _factory_def(factory, tree(factory.module))
        made = made_name(node, _made_lines(graph, factory)) if node else None
        if made is not None:
            # What the factory does with it (logs in) stays on requests as well.
            kept.setdefault(
                (factory.qualname, made),
                f"stays on requests: {made} is the session {short_name(qualname)} makes and"
                f" returns, and its callers keep it on requests: {why_not[qualname]}",
            )
        for site in held_at:
            key = held_key(graph, site)
            name = site.name
            held = {"global": "a module global", "attr": "an attribute"}.get(site.kind, "a local")
            held = "a module global" if site.function.name == "<module>" else held
            held = "used where it is made" if site.kind == "in place" else held
            kept.setdefault(
                key,
                f"{stays}: {name} ({held}) is made by {short_name(qualname)}, a factory"
                f" ({file}:{factory.span.line}) that stays sync and keeps making {made_kind}:"
                f" {why_not[qualname]}",
            )
    return kept


def _top_level_factory(graph: CallGraph, target: str | None) -> Function | None:
    """The function ``target`` names, when it makes the session it returns: a top-level
    one, or a method (``self._make_session()``, which may read ``self.token``)."""
    factory = graph.functions.get(graph.resolve(target) or target or "") if target else None
    if factory is None or factory.parent:
        return None
    facts = graph.project.facts[factory.module]
    local = _local_name(factory)
    if local not in facts.session_returns or local in facts.session_accessors:
        return None  # none, or one that hands out the session a global holds
    return factory


def _local_name(fn: Function) -> str:
    """``Client._make_session`` for a method, ``make_session`` for a function."""
    return fn.qualname.removeprefix(fn.module + ".")


def _overridden(graph: CallGraph, factory: Function) -> str | None:
    """Why a method factory's calls may run another method: a subclass overrides it."""
    for sub in graph.subclasses(factory.class_qualname or ""):
        other = graph.functions.get(f"{sub}.{factory.name}")
        if other is not None:
            file = PurePath(graph.project.facts[other.module].path).name
            return f"{sub.rsplit('.', 1)[-1]} overrides it ({file}:{other.span.line})"
    return None


def _factory_shape(graph: CallGraph, factory: Function, tree: ast.Module) -> str | None:
    node = _factory_def(factory, tree)
    if node is None:
        return "it is not a plain function"
    if factory.class_qualname and (overridden := _overridden(graph, factory)):
        return overridden
    facts = graph.project.facts[factory.module]
    if facts.session_returns.get(_local_name(factory)) != "requests.Session":
        return "only a factory making a requests.Session moves"
    file = PurePath(graph.project.facts[factory.module].path).name
    return factory_shape(node, _made_lines(graph, factory), file)


def _factory_def(factory: Function, tree: ast.Module) -> ast.FunctionDef | None:
    """The ``def`` of a top-level function, or of a method of a top-level class."""
    body = tree.body
    if factory.class_qualname:
        owner = factory.class_qualname.removeprefix(factory.module + ".")
        found = [n for n in body if isinstance(n, ast.ClassDef) and n.name == owner]
        body = found[0].body if found else []
    for node in body:
        if isinstance(node, ast.FunctionDef) and node.name == factory.name:
            return node
    return None


def _made_lines(graph: CallGraph, factory: Function) -> set[int]:
    return {
        call.span.line
        for call in factory.calls
        if (graph.resolve(call.target) or call.target) in SESSION_MAKERS
    }


def _held_name(tree: ast.Module, call: Call) -> str:
    """The name a call of a session factory is kept in (``SESSION``, ``s``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _same(node.value, call.span):
            return ast.unparse(node.targets[0])
        if isinstance(node, ast.AnnAssign) and node.value and _same(node.value, call.span):
            return ast.unparse(node.target)
        if isinstance(node, ast.With | ast.AsyncWith):
            for item in node.items:
                if _same(item.context_expr, call.span) and item.optional_vars is not None:
                    return ast.unparse(item.optional_vars)
    return call.text + "()"  # used where it is made: ``make_session().get(...)``


def _same(node: ast.expr, span: Span) -> bool:
    return (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset) == (
        span.line,
        span.col,
        span.end_line,
        span.end_col,
    )


def held_key(graph: CallGraph, site: Held) -> tuple[str, str] | None:
    """The session key (see :func:`session_key`) of what a factory's call is kept in."""
    return session_key(graph, site.function, site.name + ".request")


def _session_factory(graph: CallGraph, called: str) -> Function | None:
    """The function a ``self.<name>()`` or ``make()`` call runs that gives a session:
    it, or the one override of it that does."""
    target = graph.resolve(called) or called
    maker = graph.functions.get(target)
    if maker is None:
        return None
    candidates = [maker]
    if maker.class_qualname:
        candidates += [
            graph.functions[f"{sub}.{maker.name}"]
            for sub in graph.subclasses(maker.class_qualname)
            if f"{sub}.{maker.name}" in graph.functions
        ]
    found = [
        fn
        for fn in candidates
        if fn.qualname.removeprefix(fn.module + ".")
        in graph.project.facts[fn.module].session_returns
    ]
    return found[0] if len(found) == 1 else None


def session_key(
    graph: CallGraph, fn: Function, text: str, target: str | None = None
) -> tuple[str, str] | None:
    """Which shared session ``text`` (a call or attribute) goes through: a module
    global, or ``self.<attr>``; with the call's ``target``, also one reached through
    an instance or a module (``api.session.get``, ``sessions.session().get``)."""
    found = _written_key(graph, fn, text)
    return found if found is not None or target is None else _target_key(graph, target)


def session_reads_back(
    graph: CallGraph, fn: Function
) -> Iterator[tuple[Call, tuple[str, str], str]]:
    """The reads in ``fn`` of a session's state an AsyncClient holds otherwise
    (``self.session.auth[0]``): each read, the session it reads, and why."""
    for read in fn.reads:
        why = read_back_why(graph.resolve(read.target), read.tested)
        held, _, attr = (read.target or "").rpartition(".")
        if why is None or (
            attr in SUBCLASS_VIEWS
            and graph.value_type(graph.resolve(held) or held) in graph.converted
        ):
            continue  # a converted subclass keeps it as set (see subclasses.py)
        if read.target is None:
            key = session_key(graph, fn, read.text)
        else:
            # ``req.session.adapters`` where ``req``'s class is imported by another name.
            receiver, _, attr = read.target.rpartition(".")
            owner, _, name = receiver.rpartition(".")
            target = f"{graph.resolve(owner) or owner}.{name}.{attr}"
            key = session_key(graph, fn, read.text, target)
        if key is not None:
            yield read, key, why


def _target_key(graph: CallGraph, target: str) -> tuple[str, str] | None:
    """The session key of a call whose ``target`` names the class or module function
    giving the session (``pkg.api.Api.session.get``, ``pkg.sessions.session().get``)."""
    receiver = target.rpartition(".")[0]
    owner, _, name = receiver.rpartition(".")
    owner = graph.value_type(owner) or owner  # ``Endpoint.api``: the Api the flow gives it
    called = graph.functions.get(graph.resolve(receiver.removesuffix(RETURNS_SUFFIX)) or "")
    if name.endswith(RETURNS_SUFFIX) and called is not None and not called.class_qualname:
        held = graph.project.facts[called.module].session_accessors.get(called.name)
        return (called.module, held) if held and not called.parent else None
    accessor = graph.accessor(owner, name) if owner else None
    attr = accessor[1] if accessor else name
    if accessor is None and graph.attr_type(owner, attr) not in SESSION_TYPES:
        return None
    return graph.session_source(graph.attr_owner(owner, attr), attr)


def _written_key(graph: CallGraph, fn: Function, text: str) -> tuple[str, str] | None:
    parts = text.split(".")
    own = graph.project.facts[fn.module].session_accessors.get(fn.name, "")
    if own and not fn.class_qualname and text.rpartition(".")[0] == own:
        return fn.module, own  # the function handing it out, setting it up
    held = _held_global(graph, fn, parts[0]) if len(parts) == 2 else None
    if held is not None:  # ``session().get``: the session ``_local.s`` holds
        return held
    if len(parts) == 2 and parts[0] in graph.project.facts[fn.module].typed_names:
        return fn.module, parts[0]
    if len(parts) == 2 and parts[0] not in ("self", "cls"):
        return fn.qualname, parts[0]  # a local session
    if len(parts) == 3 and parts[0] == "self" and fn.class_qualname:
        # ``self._get_session().get``: the session ``self._session`` holds.
        accessor = graph.accessor(fn.class_qualname, parts[1])
        attr = accessor[1] if accessor else parts[1]
        return graph.session_source(graph.attr_owner(fn.class_qualname, attr), attr)
    return None


def _session_copies(graph: CallGraph, flow: TypeFlow) -> dict[tuple[str, str], tuple[str, str]]:
    """Session attributes every assignment of which copies the session an object
    handed in holds (``self.session = client.session``), and that session."""
    sources: dict[tuple[str, str], set[tuple[str, str] | None]] = {}
    for one in graph.self_assigned():
        source, held = None, one.held or ""
        param, _, copied = held.removeprefix(PARAM_PREFIX).partition(".")
        if held.startswith(PARAM_PREFIX) and copied and "." not in copied:
            typ = flow.state.get(("param", one.fn.qualname, param))
            if typ and graph.attr_type(typ, copied) in SESSION_TYPES:
                source = (graph.attr_owner(typ, copied), copied)
        owner = graph.attr_owner(one.fn.class_qualname or "", one.attr)
        sources.setdefault((owner, one.attr), set()).add(source)
    copies = {}
    for key, found in sources.items():
        source = found.pop() if len(found) == 1 else None
        if source is not None:
            copies[key] = source
    return copies


def _held_global(graph: CallGraph, fn: Function, called: str) -> tuple[str, str] | None:
    """The module and global (or attribute of one) whose session the top-level function
    ``called()`` hands out, made there on first use (see accessors.held_global)."""
    if not called.endswith(RETURNS_SUFFIX):
        return None
    target = graph.resolve(f"{fn.module}.{called.removesuffix(RETURNS_SUFFIX)}")
    accessor = graph.functions.get(target or "")
    if accessor is None or accessor.class_qualname or accessor.parent:
        return None
    held = graph.project.facts[accessor.module].session_accessors.get(accessor.name)
    return (accessor.module, held) if held else None


def _attributes_read(fn: Function) -> set[str]:
    """The attribute names ``fn`` reads, or calls through."""
    read = {r.text.rpartition(".")[2] for r in fn.reads}
    return read | {part for call in fn.calls for part in call.text.split(".")[1:]}
