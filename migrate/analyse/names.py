"""Name resolution inside one module: what a name chain refers to.

Imports and aliases, module globals holding catalogue objects or project
instances, ``self.x`` attributes set in a class, local instances, annotated
parameters and pytest fixtures. As far as one file allows: what cannot be
resolved is ``None``, and the project-wide graph goes on from there. The
module is long because each of those forms is resolved here, in one pass over
the module, with what factories and methods give (objects, or lists of them).
"""

from __future__ import annotations

import ast
import builtins
import sys

from .accessors import gives_session, held_attribute, held_global, returned_self_attr
from .catalogue import CONSTRUCTORS, THREAD_BOUND
from .choices import class_param, module_choices, self_returned
from .defaults import SELF_TYPES, SESSION_TYPES, annotated_class, given_default
from .factories import local_method, session_factories, type_factory_globals, what_made
from .fixtures import is_fixture_decorator, note_fixture, returned_attribute, returned_maker
from .forms import without_properties
from .frameworks import unbridged
from .global_aliases import global_aliases
from .item_annotations import annotated_items
from .made_by import MADE_BY_PARAM, call_args, given_class, param_made
from .mock_factories import MOCK_MODULES, mock_factory
from .model import ITEMS_SUFFIX, RETURNS_SUFFIX, ModuleFacts
from .mro import super_target
from .object_attrs import taken_attr
from .scopes import (
    LocalScope,
    bound_names,
    bridge_aliases,
    listed_type,
    ordered_parameters,
    own_nodes,
)
from .tree import (
    TreeIndex,
    _is_super,
    _self_attr,
    chain_root,
    dotted,
    expr_text,
    fallback_imports,
    module_definitions,
    note_self_change,
    one_type,
    resolve_relative,
    span_of,
)
from .value_forms import assigned_pairs, either_type, global_items, local_names, stored_item

BUILTIN_NAMES = frozenset(dir(builtins))


class NameResolver:
    """Resolves name chains for one module; :class:`ModuleAnalyser` walks with it.

    ``scopes`` is the stack of function and class bodies the walk is in.
    """

    tree: TreeIndex  # the module's, from collect_top_level

    def __init__(self, facts: ModuleFacts) -> None:
        self.facts = facts
        self.class_attr_types: dict[str, dict[str, str]] = {}
        # Top-level functions that make an object of a tracked type (``make_client()``).
        self.return_types: dict[str, str] = {}
        self.scopes: list[LocalScope] = []
        self.class_methods: dict[str, set[str]] = {}  # class -> the names its body binds

    # -- first pass: names defined at the top level --------------------------

    def collect_top_level(self, tree: ast.Module) -> None:
        """Imports, top-level definitions, typed globals, class attributes, factories."""
        module = self.facts.module
        self.tree = TreeIndex(tree)
        fallbacks = fallback_imports([n for n in tree.body if isinstance(n, ast.Try)])
        for node in self.tree.inside(tree, (ast.Import, ast.ImportFrom)):
            bind = self._bind_fallback if node in fallbacks else self.facts.imports.__setitem__
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        bind(alias.asname, alias.name)
                    else:
                        head = alias.name.split(".")[0]
                        bind(head, head)
            elif isinstance(node, ast.ImportFrom):
                base = (
                    resolve_relative(module, self.facts.is_package, node.level, node.module)
                    if node.level
                    else (node.module or "")
                )
                for alias in node.names:
                    if alias.name == "*":
                        self.facts.star_imports += (base,)
                        continue
                    bind(alias.asname or alias.name, f"{base}.{alias.name}")
        for defined in module_definitions(tree.body):
            self.facts.defs.setdefault(defined.name, f"{module}.{defined.name}")
            if isinstance(defined, ast.ClassDef):
                self.class_methods[f"{module}.{defined.name}"] = set(bound_names(defined.body))
        self.facts.top_level = bound_names(tree.body, imports=True)
        self.facts.global_aliases = global_aliases(tree.body, self.resolve, self.facts.defs)
        self.facts.bridge_aliases = bridge_aliases(tree, self.resolve)
        self._type_globals(tree)
        self.global_items = global_items(
            tree, lambda v: self.type_of_call(v, None) if isinstance(v, ast.Call) else None
        )
        for node in self.tree.inside(tree, ast.ClassDef):
            self._collect_class_attrs(node)
        self.facts.return_choices = module_choices(tree, self.tree.inside, self.resolve)
        mocks = any(q.startswith(MOCK_MODULES) for q in self.facts.imports.values())
        for stmt in module_definitions(tree.body):
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                typ = self._returned_type(stmt, stmt.name)
                if typ:
                    self.return_types[f"{module}.{stmt.name}"] = typ
                    self.facts.return_types[stmt.name] = typ
                self._nested_return_types(stmt, stmt.name)
                if any(is_fixture_decorator(d) for d in stmt.decorator_list):
                    typ = typ or self._fixture_maker(stmt, stmt.name)
                    note_fixture(self.facts, stmt, typ, self.resolve)
                elif mocks and (factory := mock_factory(stmt, self.resolve)):
                    self.facts.mock_factories[stmt.name] = factory
            elif isinstance(stmt, ast.ClassDef):
                # Methods that make an object: ``site = self.make_site()``.
                for method in stmt.body:
                    if isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef):
                        typ = self._returned_type(
                            method, f"{stmt.name}.{method.name}", f"{module}.{stmt.name}"
                        )
                        if typ:
                            self.return_types[f"{module}.{stmt.name}.{method.name}"] = typ
                            self.facts.return_types[f"{stmt.name}.{method.name}"] = typ
                        if any(is_fixture_decorator(d) for d in method.decorator_list):
                            typ = typ or self._fixture_maker(method, f"{stmt.name}.{method.name}")
                            note_fixture(self.facts, method, typ, self.resolve, stmt.name)
                            given = typ or returned_attribute(method, self.annotation_type)
                            owner = f"{module}.{stmt.name}"
                            self.facts.class_fixtures.setdefault(owner, {})[method.name] = given
        # ``CLIENT = make_client(...)``: known now that what the module's own
        # functions return is.
        self._type_globals(tree)
        type_factory_globals(tree, self.facts, lambda call: self.type_of_call(call, None))

    def _bind_fallback(self, name: str, imported: str) -> None:
        """A fallback import binds what its ``try`` body did not, or a standard module
        in place of one that is not: Python 3 runs ``urllib.request`` over ``urllib2``
        and ``unittest`` over the ``unittest2`` backport, wherever the two stand."""
        held = self.facts.imports.get(name)
        if held is None or (not _stdlib(held) and _stdlib(imported)):
            self.facts.imports[name] = imported
        else:
            others = self.facts.fallback_imports.get(name, ())
            self.facts.fallback_imports[name] = (*others, imported)

    def _type_globals(self, tree: ast.Module) -> None:
        """Globals that hold blocking objects or project instances."""
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target: ast.expr | None = stmt.targets[0]
            else:
                target = stmt.target if isinstance(stmt, ast.AnnAssign) else None
            value = getattr(stmt, "value", None)
            if isinstance(target, ast.Name) and isinstance(value, ast.Call):
                if target.id in self.facts.typed_names:
                    continue
                typ = self.type_of_call(value, None)
                if typ and not typ.endswith(RETURNS_SUFFIX):
                    self.facts.typed_names[target.id] = typ

    def _nested_return_types(self, node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> None:
        """What the functions nested in ``node`` make (``def make(base): return
        Client(base)``, a fixture's factory): ``client = make(url)`` is a
        Client."""
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                local = f"{name}.{stmt.name}"
                typ = self._returned_type(stmt, local)
                if typ and not typ.endswith(RETURNS_SUFFIX):
                    self.return_types[f"{self.facts.module}.{local}"] = typ
                    self.facts.return_types[local] = typ
                self._nested_return_types(stmt, local)

    def _fixture_maker(self, node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> str | None:
        """A fixture's maker: a function its test calls, or a class (returned_maker)."""
        module = self.facts.module
        found = returned_maker(
            node,
            f"{module}.{name}",
            lambda f, q: self._returned_type(f, q.removeprefix(module + ".")),
        )
        if found is None:
            return None
        maker, made = found
        if made:
            self.return_types[maker] = made
            self.facts.return_types[maker.removeprefix(module + ".")] = made
        return maker

    def annotation_type(self, node: ast.expr | None) -> str | None:
        """The project class (or catalogue type) an annotation names, if plainly one."""
        return annotated_class(node, self.resolve)

    def _returned_type(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, name: str, owner: str = ""
    ) -> str | None:
        """What factory ``name`` gives: its annotation, or what every return makes."""
        saved, self.scopes = self.scopes, []
        try:
            typ = self.annotation_type(node.returns)
            if owner and node.returns is not None and self.resolve(node.returns) in SELF_TYPES:
                typ = owner  # ``def filter(self) -> Self``: an instance of its class
            returned = returned_self_attr(node) if typ and owner else None
            if returned and node.returns is not None:
                # ``def client(self) -> requests.Session: return self._client``:
                # the annotation follows what the attribute becomes.
                self.note_session_annotation(owner, returned, node.returns, typ)
            if typ:  # ``-> requests.Session``: a session factory, as below
                self.facts.session_returns.update({name: typ} if typ in SESSION_TYPES else {})
                return typ if typ not in CONSTRUCTORS.values() or typ in THREAD_BOUND else None
            # ``site = Site(...)`` ... ``return site``: what each local was made by; and
            # each attribute it sets (``_local.s = Session()`` ... ``return _local.s``, a
            # session kept per thread or on the instance, made on first use).
            cls = class_param(node) if owner else None

            def type_made(call: ast.Call) -> str | None:
                func = call.func
                if cls and isinstance(func, ast.Name) and func.id == cls:
                    return owner
                if cls and isinstance(func, ast.Attribute) and dotted(func) == [cls, func.attr]:
                    if func.attr == "__new__":
                        return owner  # ``self = cls.__new__(cls)``: an async factory's
                    return self._method_return(f"{owner}.{func.attr}", 0)  # ``cls.fetch(1)``
                return self.type_of_call(call, None)

            def items_of(iterated: ast.expr) -> str | None:
                # ``for store in self.storages: ... return store``: one of its items.
                source = iterated.func if isinstance(iterated, ast.Call) else iterated
                parts = dotted(source)
                if owner and parts and len(parts) == 2 and parts[0] == "self":
                    return f"{owner}.{parts[1]}{ITEMS_SUFFIX}"
                held = self.resolve(source) if parts and parts[0] != "self" else None
                return held + ITEMS_SUFFIX if held else None

            made_by = what_made(self.tree, node, type_made, items_of)

            attrs = self.class_attr_types.get(owner.rpartition(".")[2], {}) if owner else {}
            found: set[str | None] = set()
            # Its own returns: not those of the fakes a fixture defines in it.
            for sub in own_nodes(node):
                if not isinstance(sub, ast.Return | ast.Yield) or sub.value is None:
                    continue
                # ``return self.http_client or HttpClient()``: what either side gives.
                for value in _either_sides(sub.value):
                    if isinstance(value, ast.Call):
                        # ``yield klass(child)``: the class its caller hands it.
                        if (param := param_made(node, value)) is not None:
                            found.add(param)
                            continue
                        method = _self_attr(value.func) if owner else None
                        made = self._method_return(f"{owner}.{method}", 0) if method else None
                        if made is not None and made.startswith(MADE_BY_PARAM):
                            made = given_class(made, call_args(value, self.resolve))
                        # Not known yet here (defined further down): the graph knows.
                        later = f"{owner}.{method}{RETURNS_SUFFIX}" if method else None
                        if later and not made:
                            self.facts.returned_args[name] = call_args(value, self.resolve)
                        found.add(made or later or type_made(value) or local_method(value, made_by))
                    elif (
                        isinstance(value, ast.Subscript)
                        and isinstance(value.value, ast.Name)
                        and value.value.id not in local_names(node)
                    ):
                        # ``return CLIENTS[name]``: an item of a module's container.
                        found.add(one_type(self.global_items.get(value.value.id, {""})))
                    elif isinstance(value, ast.Name | ast.Attribute) and dotted(value):
                        own = self_returned(node, value, owner, attrs) if owner else None
                        # ``return self.client``, a property defined above: what it gives.
                        own = self.return_types.get(own or "", own)
                        found |= made_by.get(expr_text(value), {own})
                    else:
                        found.add(None)
            if items := listed_type(node, type_made):  # ``return [Project(d) for d in data]``
                self.facts.return_items[name] = items
            elif annotated := annotated_items(node.returns, self.resolve):  # ``-> List[Page]``
                self.facts.return_items[name], iterables = annotated
                if iterables:
                    self.facts.return_iterables[name] = iterables
            if len(found) > 1 and None not in found:
                self.facts.return_either[name] = tuple(sorted(t for t in found if t))
            made = found.pop() if len(found) == 1 else None
            held = (
                held_attribute(node, made_by, attrs)
                if owner
                else held_global(node, made_by, self.facts.top_level)
            )
            if held is not None:  # ``return self._session``: the session it holds
                self.facts.session_accessors[name], made = held
            if made in SESSION_TYPES:
                self.facts.session_returns[name] = made
            # Project classes only: ``sqlite3.connect()`` and the like block where called.
            return made if made not in CONSTRUCTORS.values() or made in THREAD_BOUND else None
        finally:
            self.scopes = saved

    def _collect_class_attrs(self, node: ast.ClassDef) -> None:
        """Attribute types: ``x = C()``/``x: C`` in the body, ``self.x = C()`` in a method."""
        attrs: dict[str, str] = {}
        qualname = f"{self.facts.module}.{node.name}"
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                typ = self.annotation_type(stmt.annotation)
                if typ:
                    attrs[stmt.target.id] = typ
                    self.note_session_annotation(qualname, stmt.target.id, stmt.annotation, typ)
            if isinstance(stmt, ast.Assign):
                for target, made in assigned_pairs(stmt):
                    if isinstance(target, ast.Name) and (typ := self._value_type(made)):
                        attrs[target.id] = typ
        for sub in self.tree.inside(node, ast.Assign):
            for target, made in assigned_pairs(sub):
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id in ("self", "cls")
                    and (typ := self._value_type(made))
                ):
                    attrs[target.attr] = typ
        for method in node.body:
            if isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef):
                self._attrs_from_params(method, attrs, qualname)
        self.class_attr_types[node.name] = attrs = without_properties(node, attrs)
        if attrs:
            self.facts.attr_types[f"{self.facts.module}.{node.name}"] = attrs

    def _value_type(self, made: ast.expr) -> str | None:
        """What an attribute is given makes: ``requests.Session() if pooled else None``
        makes the one type its branches make."""
        if isinstance(made, ast.IfExp):
            return either_type(made, self._made_type)
        return self._made_type(made)

    def _made_type(self, made: ast.expr) -> str | None:
        return self.type_of_call(made, None) if isinstance(made, ast.Call) else None

    def note_session_annotation(
        self, owner: str, name: str, annotation: ast.expr, typ: str | None
    ) -> None:
        """An annotation naming a session type: it follows what the value becomes."""
        if typ in SESSION_TYPES:
            self.facts.session_annotations.append((owner, name, span_of(annotation)))

    def _attrs_from_params(
        self, method: ast.FunctionDef | ast.AsyncFunctionDef, attrs: dict[str, str], owner: str
    ) -> None:
        """``self.api = api`` (a parameter annotated with a class we track), ``self.api: Api``."""
        args = method.args
        params = {
            arg.arg: typ
            for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs)
            if (typ := self.annotation_type(arg.annotation))
        }
        names = ordered_parameters(args)
        kwarg = args.kwarg.arg if args.kwarg else None
        for sub in self.tree.inside(method, (ast.AnnAssign, ast.Assign)):
            target: ast.expr
            value: ast.expr | None
            if isinstance(sub, ast.AnnAssign):
                name = _self_attr(sub.target)
                typ = self.annotation_type(sub.annotation)
                if name and typ:
                    attrs.setdefault(name, typ)
                    self.note_session_annotation(owner, name, sub.annotation, typ)
                target, value = sub.target, sub.value
            elif isinstance(sub, ast.Assign) and len(sub.targets) == 1:
                target, value = sub.targets[0], sub.value
            else:
                continue
            name = _self_attr(target)
            held = value.id if isinstance(value, ast.Name) else ""
            if name and held in params:
                attrs.setdefault(name, params[held])
            elif name and (module := self.facts.imported_module(held)):  # ``= objects``, a module
                attrs.setdefault(name, module)
            default = given_default(value, names, kwarg) if name and value else None
            if name and default and (typ := self.type_of_call(default[0], None)):
                attrs.setdefault(name, typ)  # ``self.session = session or Session()``

    # -- resolution ------------------------------------------------------------

    def resolve(self, node: ast.AST) -> str | None:
        """Qualified name of a name chain, as far as this module can tell."""
        if isinstance(node, ast.Call):
            # ``requests.Session().get``: the type made by the inner call.
            return self.type_of_call(node, self.scopes[-1] if self.scopes else None)
        if isinstance(node, ast.Attribute) and _is_super(node.value):
            # ``super().__init__(...)``, ``super().setUp()`` in a method: the first base's;
            # in a class with none (a mixin), the next one's in its subclasses (see mro).
            cls = self._enclosing_class()
            bases = self.facts.classes.get(cls or "", [])
            if not bases:
                return super_target(cls, node.attr) if cls else None
            return f"{bases[0]}.{node.attr}"
        if isinstance(node, ast.Subscript) and (
            self.names_instance(node.value) or getattr(node.value, "id", "") == "self"
        ):
            # ``self[name].invoke``: what ``__getitem__`` gives (project-wide).
            base = self.resolve(node.value)
            return f"{base}.__getitem__{RETURNS_SUFFIX}" if base else None
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and self.scopes:
            # ``pages[title]``: see facts; also in a comprehension over the function's keys.
            if held := stored_item(self.scopes, node.value.id):
                return held
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call):
            listed = self.resolve(node.value)  # ``mgr.list()[0]``: one of what it lists
            if listed and listed.endswith(RETURNS_SUFFIX):
                return f"{listed}.__getitem__{RETURNS_SUFFIX}"
        if isinstance(node, ast.Attribute) and not isinstance(chain_root(node), ast.Name):
            # ``self.get_client().api.get``: from what the inner call gives.
            base = self.resolve(node.value)
            return f"{base}.{node.attr}" if base else None
        parts = dotted(node)
        if not parts:
            return None
        return self._resolve_parts(parts)

    def argument_types(self, node: ast.Call, scope: LocalScope) -> tuple[str, ...]:
        """Types of a call's arguments that hold a known object (``auth=OAuth1(...)``)."""
        found = []
        for value in (*node.args, *(kw.value for kw in node.keywords)):
            if isinstance(value, ast.Starred):
                continue
            if isinstance(value, ast.Call):
                typ = self.type_of_call(value, scope)
            elif self.names_instance(value):
                typ = self.resolve(value)
            else:
                typ = None
            if typ:
                found.append(typ)
        return tuple(found)

    def note_assignment(self, node: ast.Assign, scope: LocalScope) -> None:
        """Types given to locals (on any path) and to attributes (``session.auth = auth``)."""
        fn = scope.function
        if fn is None:
            return
        types: set[str] = set()
        if isinstance(node.value, ast.Call):
            typ = self.type_of_call(node.value, scope)
            types = {typ} if typ else set()
        elif isinstance(node.value, ast.Name):
            types = set(scope.assigned.get(node.value.id, ()))
        for target in node.targets:
            note_self_change(fn, target)
            if isinstance(target, ast.Name):
                scope.assigned.setdefault(target.id, set()).update(types)
            if isinstance(target, ast.Name | ast.Attribute) and dotted(target):
                fn.attr_sets.extend((expr_text(target), typ) for typ in sorted(types))
            given = node.value.id if isinstance(node.value, ast.Name) else None
            if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
                # ``session.auth = auth_class(*args)``: one of the classes the callers hand.
                given = node.value.func.id
            if isinstance(target, ast.Attribute) and dotted(target) and given in fn.params:
                fn.param_sets.append((expr_text(target), given))

    def names_instance(self, node: ast.expr) -> bool:
        """Whether ``node`` is a variable or attribute known to hold an instance."""
        parts = dotted(node)
        if not parts:
            return False
        head = parts[0]
        if head in ("self", "cls"):
            return len(parts) > 1
        if any(head in scope.local_types for scope in self.scopes):
            return True
        return head in self.facts.typed_names

    def _enclosing_class(self) -> str | None:
        for scope in reversed(self.scopes):
            if scope.class_qualname and scope.function:
                return scope.class_qualname
        return None

    def callee_target(self, call: ast.Call) -> str | None:
        """What a call calls, seeing through a bridge: ``async_to_sync(f)(x)`` calls f."""
        return self.resolve(unbridged(call.func, self.resolve))

    def _own_attr_type(self, scope: LocalScope, head: str, attr: str) -> str | None:
        """The type of ``self.<attr>`` in a method: made earlier on the way here (that
        class, whatever else the attribute is given elsewhere), else the class's."""
        if head == "self" and attr in scope.made_attrs:
            return scope.made_attrs[attr]
        assert scope.class_qualname is not None
        return self.class_attr_types.get(scope.class_qualname.rsplit(".", 1)[-1], {}).get(attr)

    def holds_instance(self, func: ast.expr) -> bool:
        """Whether ``func`` is a local the function made, ``self.<attr>`` or a module
        global holding an instance (``self.rank = Ranker(self)``): calling it runs the
        class's ``__call__``, not its constructor."""
        parts = dotted(func) or []
        if len(parts) == 1 and self.scopes and parts[0] in self.scopes[-1].instances:
            return True  # ``invoker = C(...)`` made here, then ``invoker()``
        if len(parts) == 1:  # ``ranker(n)``, ``ranker = Ranker()`` a global of the module
            head = parts[0]
            inner = [s for s in self.scopes if s.function and s.function.name != "<module>"]
            if any(head in s.params or head in s.bound or head in s.local_types for s in inner):
                return False
            return head in self.facts.typed_names and head not in self.facts.global_aliases
        if len(parts) != 2 or parts[0] != "self":
            return False
        for scope in reversed(self.scopes):
            fn = scope.function
            if scope.class_qualname and fn and fn.params[:1] == ("self",):
                return self._own_attr_type(scope, "self", parts[1]) is not None
        return False

    def _resolve_parts(self, parts: list[str]) -> str | None:
        head, rest = parts[0], parts[1:]

        def join(base: str, tail: list[str]) -> str:
            return ".".join([base, *tail])

        for scope in reversed(self.scopes):
            # ``self``/``cls`` name the class as a method's first parameter, not as a
            # local (``cls = {14: Category}.get(ns, Page)``).
            fn = scope.function
            if head in ("self", "cls") and scope.class_qualname and fn and fn.params[:1] == (head,):
                typ = self._own_attr_type(scope, head, rest[0]) if rest else None
                return join(typ, rest[1:]) if typ else join(scope.class_qualname, rest)
            if head in scope.local_types:
                return join(scope.local_types[head], rest)
            if head in scope.local_defs:
                return join(scope.local_defs[head], rest)
            if head in scope.chains and head not in scope.params:
                return join(scope.chains[head], rest)
            if head in scope.params or head in scope.bound:
                return None
            own = f"{scope.class_qualname}.{head}"
            if fn is None and scope is self.scopes[-1] and own in self.facts.functions:
                # A class body's own function, named in the body itself (a method's
                # decorator: ``@patch.object(Base, "get", fake_get)``); a method's
                # body does not see it.
                return join(own, rest)
            if scope.function is not None and scope.function.name == "<module>":
                break
        if head in self.facts.global_aliases:
            return join(self.facts.global_aliases[head], rest)
        if head in self.facts.typed_names:
            return join(self.facts.typed_names[head], rest)
        if head in self.facts.defs:
            return join(self.facts.defs[head], rest)
        if head in self.facts.imports:
            return join(self.facts.imports[head], rest)
        if head in BUILTIN_NAMES:
            return join(f"builtins.{head}", rest)
        # Bound nowhere here: a ``from m import *`` may give it (the graph follows).
        starred = self.facts.star_imports and head not in self.facts.top_level
        return join(f"{self.facts.module}.{head}", rest) if starred else None

    def type_of_call(self, call: ast.Call, scope: LocalScope | None) -> str | None:
        """The type of object a call makes, when it is one we track."""
        if taken := taken_attr(call, self.facts.imports, self._bound_locally()):
            return taken  # ``g.pop("wx", None)``: what ``g.wx`` holds (see object_attrs)
        saved = self.scopes
        if scope is None:
            self.scopes = []
        func = unbridged(call.func, self.resolve)  # ``async_to_sync(C.create)()`` makes a C
        try:
            name = self.resolve(func)
            made = self.resolve(call.args[0]) if call.args else None
        finally:
            self.scopes = saved
        if name is None:
            return None
        if made and name in (f"{made}.__new__", "builtins.object.__new__"):
            return made  # ``C.__new__(C)``: an instance made without running __init__
        if name == "typing.cast" and len(call.args) == 2:
            return self.annotation_type(call.args[0])  # ``cast(Album, found)``: an Album
        if name in CONSTRUCTORS:
            return CONSTRUCTORS[name]
        returned = self._method_return(name, 0)
        if returned:
            return returned
        if name in session_factories(self.facts):
            return name + RETURNS_SUFFIX  # the graph knows it is a session
        if gives_session(self.facts, self.class_methods, name, isinstance(func, ast.Attribute)):
            return name + RETURNS_SUFFIX  # a session a method gives: the graph knows which
        last = name.rsplit(".", 1)[-1]
        if name.startswith(("builtins.",)):
            return None
        # A call of a CapitalisedName makes an instance of that class (a class of
        # this module may be named ``M``, a test's own say).
        if name in self.facts.classes or (last[:1].isupper() and not last.isupper()):
            return name
        head = ast.unparse(func).split(".")[0]
        if head in self.facts.imports and head not in self._bound_locally():
            # A function from another module: the graph knows what it returns, if anything.
            return name + RETURNS_SUFFIX
        local = name.removeprefix(self.facts.module + ".")
        # ``Client.projects.get``: a method of what an instance of this module's class holds.
        held = (
            local.count(".") > 1
            and f"{self.facts.module}.{local.split('.')[0]}" in self.facts.classes
        )
        if isinstance(func, ast.Attribute) and (
            local == name or (dotted(func) or [""])[0] == "self" or held
        ):
            # A method of an object from another module (``self.sleepers.make()``), one
            # an override may be (``self.get_client()``) or one reached through an
            # attribute (``client.projects.get()``): likewise.
            return name + RETURNS_SUFFIX
        return None

    def _method_return(self, name: str, depth: int) -> str | None:
        """What ``name`` returns: a factory here, or a method here or on a base class here."""
        if name.removeprefix(self.facts.module + ".") in self.facts.return_choices:
            return name + RETURNS_SUFFIX  # the graph knows the classes' common base
        if name in self.return_types or depth > 8:
            return self.return_types.get(name)
        owner, _, method = name.rpartition(".")
        for base in self.facts.classes.get(owner, ()):
            found = self._method_return(f"{base}.{method}", depth + 1)
            if found:
                return found
        return None

    def _bound_locally(self) -> set[str]:
        names: set[str] = set()
        for scope in self.scopes:
            names |= scope.params | set(scope.local_types) | set(scope.local_defs) | scope.bound
        return names

    # -- second pass: functions, calls, references -----------------------------


def _either_sides(value: ast.expr) -> list[ast.expr]:
    """The values ``value`` may be: each side of ``a or b``, each branch of ``a if c else b``."""
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or):
        return [side for operand in value.values for side in _either_sides(operand)]
    if isinstance(value, ast.IfExp):
        return [*_either_sides(value.body), *_either_sides(value.orelse)]
    return [value]


def _stdlib(qualified: str) -> bool:
    return qualified.split(".")[0] in sys.stdlib_module_names
