"""Types that flow from call sites into parameters, and from parameters into attributes.

``Page(self, name)`` in a method of ``Site``, and ``def __init__(self, site,
name): self.site = site`` in a module that never names ``Site``: every
``self.site.get(...)`` in ``Page`` calls ``Site.get``. A parameter gets the
type every visible call site agrees on; an attribute the type every
assignment of it agrees on, across the classes related by inheritance (a
method's ``self`` may be an instance of any of them).

Whatever could hide a call site or an assignment leaves the name untyped:
the function or class used as a value (``map(Page, ...)``; a class picked
from a dict and called right there is called, see choices; one kept or
handed on only inside the project is made by the calls of unnamed values
its arguments fit, see unnamed_makers),
a method also called through a receiver of unknown type, a decorator not
handing on what it is given (see decorators), a parameter left to a default
other than None or given through ``*args``/``**kwargs``, a function with no
visible caller, an attribute assigned on some other object a value of no
known type. Untyped keeps the calls as they were; a wrong type would await a
plain value. A plain mock a test hands in is no other value: it stands in
for what the code's own callers give, and follows it (see handed_mocks and
local_mocks, which make the methods the code now awaits async on it); so
does an instance of a class a test defines (see by_name.stand_in_methods).
Where the callers hand one of several classes (``Remote(url) if url else
Local()``), a call through the parameter calls each class's method, as one
group (see untyped.either_methods).

The module is long because parameters, attributes and what each is given
are solved together, to a fixed point over one state.
"""

from __future__ import annotations

from .catalogue import CONSTRUCTORS
from .choices import returned_attrs
from .decorators import passes_through
from .defaults import SESSION_TYPES
from .descriptors import DESCRIPTOR_METHODS, descriptor_owners
from .frameworks import makes_nothing, plain_mock
from .given import FORWARDED, NONE_GIVEN, extra, given
from .methods import offset_of
from .model import FIXTURE_PREFIX, PARAM_PREFIX, RETURNS_SUFFIX, Call, Function, KeptFunction, Ref
from .registries import registries_shared
from .unnamed_makers import unnamed_sites
from .untyped import NONE_YET as _NONE_YET
from .untyped import UNKNOWN as _UNKNOWN
from .untyped import Graph, Key, WhyUntyped, caller_names, reaches_unknown
from .used_types import used_types

# Decorators that leave a method's arguments as its callers give them.
_PLAIN_DECORATORS = frozenset({"staticmethod", "classmethod", "property"})


def _join(a: str, b: str) -> str:
    if a == _NONE_YET or a == b:
        return b
    return a if b == _NONE_YET else _UNKNOWN


class TypeFlow(WhyUntyped):
    """One project's parameters and attributes typed from what flows into them."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.functions = graph.functions
        facts = graph.project.facts.values()
        self.classes = {name for f in facts for name in f.classes}
        self.bases = {name: bases for f in facts for name, bases in f.classes.items()}
        self.attr_writes = {attr for f in facts for attr in f.attr_writes}
        # ``jenkins.requester = CrumbRequester(...)``: on an object of any class.
        self.other_writes: dict[str, list[tuple[Function, str]]] = {}
        for f in facts:
            for attr, writes in f.attr_values.items():
                for qualname, held in writes:
                    if qualname in self.functions:
                        self.other_writes.setdefault(attr, []).append(
                            (self.functions[qualname], held)
                        )
                    else:
                        self.attr_writes.add(attr)
        self.family = self._families()
        # Callee -> (caller, call, how many leading parameters the call does not give).
        self.sites: dict[str, list[tuple[Function, Call, int]]] = {}
        # Method names also called through a receiver of unknown type.
        self.hidden_methods: set[str] = set()
        self.handed_params: set[tuple[str, str]] = set()
        self.assigns: dict[tuple[str, str], list[tuple[Function, str | None]]] = {}
        self.param_calls: list[tuple[Function, Call]] = []
        # ``partial(endpoint.get)``, ``self._fetch = endpoint.get``: typed as calls are.
        self.param_refs: list[tuple[Function, Ref | KeptFunction]] = []
        self.typed_calls = 0  # of those, the ones given a target
        self.either_calls: list[Function] = []  # calls through an attribute, see untyped
        self.receivers: set[str] = set()  # attributes something is called through
        tests = [f for f in facts if f.is_test_file]
        self.test_classes = {name for f in tests for name in f.classes}
        # Classes of a test's own handed in where the code takes its own (see _value),
        # and the names they were handed to.
        self.stand_ins: dict[str, set[Key]] = {}
        self._evaluating: Key | None = None
        self._index()
        self.owners = descriptor_owners(facts, graph.resolve)
        self.values = self._values()
        # Classes used as values only in the project: the calls their makers fit.
        unnamed = unnamed_sites(graph, self.classes, self.values, self._callee)
        for init, sites in unnamed.items():
            self.sites.setdefault(init, []).extend(sites)
        self.unnamed_inits = set(unnamed)
        self.state: dict[Key, str] = {}
        # Names no value flows into, typed by the methods called through them, and
        # those calls (their ids) -> the name as written.
        self.pinned: dict[Key, str] = {}
        self.used_calls: dict[int, str] = {}
        # Parameters whose function a module not analysed yet may call.
        self.unseen: set[Key] = set()
        self.unread: set[str] = set()  # what calls handed in name, in no module read yet

    # -- what the project shows --------------------------------------------------

    def _families(self) -> dict[str, str]:
        """Each class -> one representative of the classes it is related to by inheritance."""
        parent: dict[str, str] = {}

        def root(name: str) -> str:
            while parent.get(name, name) != name:
                name = parent[name]
            return name

        for name, bases in self.bases.items():
            for base in bases:
                resolved = self.graph.resolve(base) or base
                if resolved in self.bases:
                    a, b = root(name), root(resolved)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
        return {name: root(name) for name in self.bases}

    def _index(self) -> None:
        for fn in self.functions.values():
            if fn.class_qualname:
                family = self.family.get(fn.class_qualname, fn.class_qualname)
                for attr, held in fn.self_assigns:
                    self.assigns.setdefault((family, attr), []).append((fn, held))
            self.param_refs += [(fn, ref) for ref in fn.refs if ref.param_target]
            self.param_refs += [(fn, kept) for kept in fn.kept_functions if kept.param_target]
            # ``post = session.post``, a read through a parameter: typed as a call is.
            self.param_calls += [(fn, read) for read in fn.reads if read.param_target]
            for ref in fn.refs:
                # ``getattr(self.session, method)(url)``: a call through ``session``.
                if ref.receiver == "builtins.getattr" and ref.call_called:
                    self.receivers.update(ref.text.split(".")[1:])
            for call in fn.calls:
                # ``self.site.get``: calls through ``site`` ask for its type.
                receivers = call.text.split(".")[1:-1]
                if receivers:
                    self.receivers.update(receivers)
                if call.param_target:
                    self.param_calls.append((fn, call))
                # ``fetch_json(service.session, url)``: what it hands on is typed too.
                for held in (*call.arg_values, *(v for _, v in call.kwarg_values)):
                    param, dot, _ = (held or "").removeprefix(PARAM_PREFIX).partition(".")
                    if dot and (held or "").startswith(PARAM_PREFIX):
                        self.handed_params.add((fn.qualname, param))
                    elif dot:
                        # ``Listing(self.site)`` in ``Pages``: what it hands is asked
                        # for, so the module of what it is handed to is read.
                        self.receivers.update((held or "").split(".")[1:])
                for init in self.graph.chosen(call):
                    self.sites.setdefault(init, []).append((fn, call, 1))
                callee, offset = self._callee(call)
                if callee is not None:
                    self.sites.setdefault(callee, []).append((fn, call, offset))
                elif "." in call.text and reaches_unknown(self.graph, call):
                    self.hidden_methods.add(call.text.rsplit(".", 1)[-1])
        self.receivers |= returned_attrs(self.graph.project.facts.values())

    def _callee(self, call: Call) -> tuple[str | None, int]:
        target = self.graph.resolve(call.target) if call.target else None
        if target is None:
            return None, 0
        if target in self.functions:
            return target, offset_of(self.functions[target], call)
        if (called := self.graph.instance_call(call, target)) is not None:
            return called, offset_of(self.functions[called], call)
        if target in self.classes:
            init = self.graph.resolve(f"{target}.__init__")
            if init in self.functions:
                return init, 1
        return None, 0

    def _values(self) -> set[str]:
        """Functions and classes used as values: called where no call site shows it."""
        found = {self.graph.resolve(name) or name for name in self.graph.escaping_classes()}
        for facts in self.graph.project.facts.values():
            found |= {self.graph.resolve(name) or name for name in facts.values}
        handed = self.graph.handed_classes()
        project = self.graph.project
        if any(facts.registries for facts in project.facts.values()):
            texts = {module: file.source.text for module, file in project.files.items()}
            found |= registries_shared(project.facts.values(), texts)
        for fn in self.functions.values():
            for ref in fn.refs:
                nothing = makes_nothing(ref.receiver, ref.position, ref.keyword)
                if nothing or (fn.module, ref.span) in handed:
                    continue
                if ref.target and not ref.instance and ref.text != "self":
                    found.add(self.graph.resolve(ref.target) or ref.target)
        return found

    def _hidden(self, fn: Function) -> bool:
        """Whether ``fn`` may be called where no call site shows what it is given."""
        if fn.framework or fn.qualname in self.values:
            return True
        if any(
            d.text not in _PLAIN_DECORATORS and not passes_through(d, self.graph, self.functions)
            for d in fn.decorators
        ):
            return True
        owner = fn.class_qualname
        if owner is None:
            return False
        if fn.name == "__init__":
            if fn.qualname in self.unnamed_inits:
                return False  # its calls through values are among its sites
            made = [owner, *self.graph.subclasses(owner)]
            return any(cls in self.values for cls in made)
        return fn.name in self.hidden_methods

    # -- the fixpoint --------------------------------------------------------------

    def solve(self) -> dict[tuple[str, str], str]:
        """(class family, attribute) -> its type, for every attribute assigned from a value;
        calls through a parameter given one type get their target.

        A parameter is typed only when every module that could call its function
        has been read: one that mentions the function's name (its class's, for
        ``__init__``) but was not analysed yet leaves it untyped for now.
        """
        for family, attr in self.assigns:
            if attr in self.receivers:
                self._get(("attr", family, attr))
        for fn, held in self._through_params():
            self._get(("param", fn.qualname, held.removeprefix(PARAM_PREFIX).split(".")[0]))
        for qualname, param in self.handed_params:
            if param in self.functions[qualname].params:
                self._get(("param", qualname, param))
        checked: dict[str, bool] = {}
        while True:
            self._solve()
            unseen = [
                key
                for key, typ in self.state.items()
                if key[0] == "param"
                and typ not in (_NONE_YET, _UNKNOWN)
                and key not in self.unseen
                and self._called_unseen(self.functions[key[1]], checked)
            ]
            if not unseen:
                break
            self.unseen.update(unseen)
        pinned, self.used_calls = used_types(self)
        if pinned:
            self.pinned = pinned
            self.state = {key: _NONE_YET for key in self.state} | pinned
            self._solve()
        for fn, call in self.param_calls:
            if target := self._through(fn, call.param_target or ""):
                call.target = target
                self.typed_calls += 1
            elif isinstance(call, Call):
                call.alternatives = self.either_methods(fn, call.param_target or "")
        for fn in self.functions.values():
            for call in fn.calls:
                if either := self.either_attr_methods(fn, call):
                    call.alternatives = either
                    self.either_calls.append(fn)
        for fn, ref in self.param_refs:
            if target := self._through(fn, ref.param_target or ""):
                ref.target = target
        # Attributes each class already types itself (``self.http = Session()``) need nothing.
        return {
            (family, name): typ
            for (kind, family, name), typ in self.state.items()
            if kind == "attr"
            and typ not in (_NONE_YET, _UNKNOWN)
            and (
                (family, name) not in self.assigns
                or any(
                    self.graph.attr_type(fn.class_qualname or "", name) is None
                    for fn, _ in self.assigns[(family, name)]
                )
            )
        }

    def _through_params(self) -> list[tuple[Function, str]]:
        """The calls and references through a parameter: ``<param>.endpoint.get``."""
        through = [*self.param_calls, *self.param_refs]
        return [(fn, one.param_target or "") for fn, one in through]

    def _through(self, fn: Function, held: str) -> str | None:
        """``Users.get`` for ``<param>.endpoint.get`` once ``endpoint`` has one type."""
        param, _, rest = held.removeprefix(PARAM_PREFIX).partition(".")
        typ = self.state[("param", fn.qualname, param)]
        return f"{typ}.{rest}" if typ not in (_NONE_YET, _UNKNOWN) else None

    def _called_unseen(self, fn: Function, checked: dict[str, bool]) -> bool:
        """Whether a module not analysed yet may call ``fn`` (it mentions its name)."""
        names = caller_names(self.graph, fn)
        for name in names:
            if name not in checked:
                checked[name] = bool(self.graph.project.mentioning([name]))
        return any(checked[name] for name in names)

    def _solve(self) -> None:
        # Each name only rises (nothing yet, a type, not one type): this ends.
        changed = True
        while changed:
            self._asked = changed = False
            for key in list(self.state):
                new = _UNKNOWN if key in self.unseen else self._evaluate(key)
                if new != self.state[key]:
                    self.state[key] = new
                    changed = True
            changed = changed or self._asked

    _asked = False

    def _join(self, a: str, b: str) -> str:
        """One type for two values: the same, the base class of the other (``Page``
        for a ``Page`` and an ``Image(Page)``), or the nearest project class both
        derive from (``BaseApi`` for ``TicketApi(BaseApi)`` and ``UserApi(BaseApi)``)."""
        joined = _join(a, b)
        if joined != _UNKNOWN or _UNKNOWN in (a, b):
            return joined
        if b in self.graph.subclasses(a):
            return a
        if a in self.graph.subclasses(b):
            return b
        return self._common_base(a, b) or _UNKNOWN

    def _common_base(self, a: str, b: str) -> str | None:
        """The first of ``a``'s project base classes, nearest first, that ``b``
        derives from too."""
        todo, seen = [a], {a}
        while todo:
            current = todo.pop(0)
            for base in self.bases.get(current, ()):
                name = self.graph.resolve(base) or base
                if name in seen or name not in self.classes or name in self.test_classes:
                    continue
                if b in self.graph.subclasses(name):
                    return name
                seen.add(name)
                todo.append(name)
        return None

    def _get(self, key: Key) -> str:
        if key not in self.state:
            self.state[key] = _NONE_YET
            self._asked = True
        return self.state[key]

    def _evaluate(self, key: Key) -> str:
        if key in self.pinned:
            return self.pinned[key]
        self._evaluating = key
        kind, owner, name = key
        if kind == "attr":
            if name in self.attr_writes:
                return _UNKNOWN
            value = _NONE_YET
            for fn, held in (
                *self.assigns.get((owner, name), ()),
                *self.other_writes.get(name, ()),
            ):
                value = self._join(value, self._value(held, fn))
            return value if value != _NONE_YET or (owner, name) in self.assigns else _UNKNOWN
        fn = self.functions[owner]
        if fn.name in DESCRIPTOR_METHODS and fn.params[1:2] == (name,) and fn.class_qualname:
            value = _NONE_YET  # ``instance``: one of the classes holding the descriptor
            for cls in self.owners.get(fn.class_qualname, [_UNKNOWN]):
                value = self._join(value, cls)
            return value
        sites = self.sites.get(owner, [])
        forwarded = kind == "forwarded"
        # What it hands on from its callers: none seen gives nothing (the callers of
        # what it hands them to decide), unless it is called where we cannot see.
        if (not sites and not forwarded) or self._hidden(fn):
            return _UNKNOWN
        index, _, keyword = name.partition(".")
        value = _NONE_YET
        for caller, call, offset in sites:
            if forwarded:
                held = extra(call, offset, fn, int(index), keyword, caller)
            else:
                held = given(fn, call, offset, name, caller)
            value = self._join(value, self._value(held, caller))
            if value == _UNKNOWN:
                break
        return value

    def _value(self, held: str | None, fn: Function) -> str:
        """The type of what ``held`` (see :meth:`NameResolver.value_of`) names in ``fn``."""
        if held is None:
            return _UNKNOWN
        if held == NONE_GIVEN or (
            self.graph.project.facts[fn.module].is_test_file and plain_mock(held)
        ):
            # A test's mock stands in for whatever the code takes: the code's own
            # callers type the name, and the mock follows (see handed_mocks).
            return _NONE_YET
        if "|" in held:
            # ``requester = A if crumb else B; requester(...)``: one of them.
            value = _NONE_YET
            for one in held.split("|"):
                value = self._join(value, self._value(one, fn))
            return value
        if held.startswith(FORWARDED):
            return self._get(("forwarded", fn.qualname, held.removeprefix(FORWARDED)))
        if held.startswith(PARAM_PREFIX):
            param, *attrs = held.removeprefix(PARAM_PREFIX).split(".")
            if param not in fn.params:
                return _UNKNOWN
            return self._attributes(self._get(("param", fn.qualname, param)), attrs)
        if held.endswith(RETURNS_SUFFIX):
            # ``Atlas(url).region(code)``: what the method or factory gives;
            # ``self.client_class(base)``: the class that slot holds.
            maker = held.removesuffix(RETURNS_SUFFIX)
            made = self.graph.slot_made(maker)
            resolved = self.graph.resolve(maker)
            if made is None and resolved in CONSTRUCTORS:
                return CONSTRUCTORS[resolved]  # ``compat.build_opener()``, imported on
            if made is None and resolved in self.classes:
                return resolved  # ``pkg.api(url)``, where the package says ``api = Api``
            if made is None and resolved not in self.functions:
                self.unread.add(maker)  # maybe a module not analysed yet says
            return made or self._returned(resolved)
        if held.startswith(FIXTURE_PREFIX):
            made = self.graph.resolve(held)
            return made if made in self.classes else _UNKNOWN
        if held in self.test_classes and self.graph.project.facts[fn.module].is_test_file:
            # An instance of a test's own class (``Jobs(DummyJenkins())``) stands in
            # too; its methods named like ones that become async become async.
            if self._evaluating is not None:
                self.stand_ins.setdefault(held, set()).add(self._evaluating)
            return _NONE_YET
        parts = held.split(".")
        for cut in range(len(parts), 0, -1):
            head = ".".join(parts[:cut])
            if head not in self.classes and head not in CONSTRUCTORS.values():
                head = self.graph.resolve(head) or head  # re-exported: ``pkg.Scanner``
            if head in self.classes or head in CONSTRUCTORS.values():
                return self._attributes(head, parts[cut:])
        return _UNKNOWN

    def stood_for(self) -> dict[str, set[str]]:
        """A test's classes handed in as stand-ins, and the project classes the names
        they were handed to hold (from the code's own callers)."""
        found: dict[str, set[str]] = {}
        for cls, keys in self.stand_ins.items():
            types = {self.state.get(key, _UNKNOWN) for key in keys} - {_NONE_YET, _UNKNOWN}
            if types:
                found[cls] = types
        # Handed to a parameter annotated with a project class (``client: Client``),
        # which the annotation types, not the callers: a duck-typed stand-in still.
        for owner, sites in self.sites.items():
            annotated = self.functions[owner].annotated_params
            for caller, call, offset in sites if annotated else ():
                if not self.graph.project.facts[caller.module].is_test_file:
                    continue
                for param, typ in annotated:
                    held = given(self.functions[owner], call, offset, param, caller)
                    if held is None or typ not in self.classes or held == typ:
                        continue
                    # A test's own class, or a fake the package ships (``FakeClient``),
                    # that is no subclass of what the annotation names.
                    if held in self.classes and held not in self.graph.subclasses(typ):
                        found.setdefault(held, set()).add(typ)
        return found

    def _returned(self, made: str | None) -> str:
        """What the function ``made`` gives: a project class, or a session it makes. A
        method that gives nothing known may be overridden (``create_session`` raising
        NotImplementedError in the base): the session every override makes."""
        maker = self.functions.get(made or "")
        if maker is None:
            return _UNKNOWN
        typ = self._returns(maker)
        if typ is None and maker.class_qualname:
            overrides = [
                self.functions[f"{sub}.{maker.name}"]
                for sub in self.graph.subclasses(maker.class_qualname)
                if f"{sub}.{maker.name}" in self.functions
            ]
            found = {self._returns(override) for override in overrides}
            typ = found.pop() if len(found) == 1 else None
            typ = typ if typ in SESSION_TYPES else None
        return typ if typ in self.classes or typ in SESSION_TYPES else _UNKNOWN

    def _returns(self, fn: Function) -> str | None:
        facts = self.graph.project.facts[fn.module]
        local = fn.qualname.removeprefix(fn.module + ".")
        return facts.return_types.get(local) or facts.session_returns.get(local)

    def _attributes(self, typ: str, attrs: list[str]) -> str:
        for attr in attrs:
            if typ in (_NONE_YET, _UNKNOWN):
                return typ
            known = self.graph.attr_type(typ, attr)
            if known is not None:
                typ = known
            elif typ in self.family:
                typ = self._get(("attr", self.family[typ], attr))
            else:
                return _UNKNOWN
        return typ

    def handed_type(self, held: str | None, fn: Function) -> str | None:
        """What the solved flow says ``held``, an attribute of a parameter that ``fn``
        hands to a call (``<param>.service.session``), is, when one type."""
        if not held or not held.startswith(PARAM_PREFIX):
            return None
        param, *attrs = held.removeprefix(PARAM_PREFIX).split(".")
        typ = self.state.get(("param", fn.qualname, param))
        typ = self._attributes(typ, attrs) if typ else None
        return typ if typ not in (None, _NONE_YET, _UNKNOWN) else None

    def attributes(self, typ: str, attrs: list[str]) -> str:
        """The type of ``attrs`` read in turn from a ``typ`` ("?" not one type)."""
        return self._attributes(typ, attrs)

    def value(self, held: str | None, fn: Function) -> str:
        """The type ``held`` has in ``fn`` now ("" nothing yet, "?" not one type)."""
        return self._value(held, fn)

    def typed(self, key: Key, typ: str) -> bool:
        """Whether the name at ``key`` has type ``typ`` (or was never asked for)."""
        return self.state.get(key, typ) == typ
