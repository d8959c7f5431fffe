"""Per-module facts, extracted with the stdlib ``ast`` (cheap, C-speed parse).

:class:`ModuleAnalyser` fills a :class:`~migrate.analyse.model.ModuleFacts` per
module, in worker processes; which functions become async is decided for the
whole project in :mod:`migrate.analyse.colour`. The module is long because one
visitor walks each tree once, noting every kind of fact on the way.
"""

from __future__ import annotations

import ast
import itertools

from . import methods, shapes, thread_shapes
from .accessors import returned_self_attr
from .aliases import function_aliases, stand_in
from .catalogue import CONSTRUCTORS
from .dataclass_inits import dataclass_init, factory_fields
from .defaults import SESSION_TYPES
from .flow import mark_tested
from .forms import has_async_memo, is_main_guard, mark_stop_expectations, property_accessor
from .frameworks import (
    ASYNC_DUNDERS,
    BRIDGES,
    FIXTURE_DECORATORS,
    FLASK_HANDLER_DECORATORS,
    FLASK_ROUTE_METHODS,
    JINJA_DECORATORS,
    MEMOISERS,
    PARTIALS,
    PATCHERS,
    SYNC_CALLING_DECORATORS,
    SYNC_TEST_HOOKS,
    is_test_path,
)
from .function_tables import function_tables
from .given import (
    named_defaults,
    none_defaults,
    parametrized_values,
    required_params,
    through_param,
)
from .global_aliases import decorate
from .handed_classes import called_params
from .item_annotations import base_items
from .iterated_locals import mark_iterated_locals
from .local_chains import local_chains
from .loop_functions import looped_functions
from .model import (
    FIXTURE_PREFIX,
    ITEMS_SUFFIX,
    PARAM_PREFIX,
    RETURNS_SUFFIX,
    Assignment,
    Call,
    Decorator,
    FanOut,
    Function,
    KeptFunction,
    ModuleFacts,
    Ref,
    Span,
)
from .named_lambdas import named_lambda
from .named_reads import note_named_reads
from .names import LocalScope, _self_attr, dotted, expr_text, span_of
from .narrowing import checked, narrow, narrowed
from .operator_calls import OperatorCalls
from .patched_returns import patched_returns
from .patches import note_assigned_fake, note_dynamic, note_patch, started_mock
from .plain import on_a_mapping
from .prepared import prepared_flows
from .registries import mark_registries
from .relays import relayed_calls
from .returned_functions import annotated_names, returned_references
from .scopes import (
    bound_names,
    comprehension_names,
    note_signature,
    ordered_parameters,
    parameters,
    plain_names,
    returned_by,
    through_mock,
)
from .setters import set_by_name, setter_methods
from .stored_hooks import note_stored_hook
from .thread_shapes import held_objects
from .tree import (
    block_lists,
    child_fields,
    class_body_names,
    method_aliases,
    note_global_change,
    note_param_change,
    note_self_change,
)
from .twins import TWIN_NAMES, len_site
from .urllib_shapes import URLOPEN, built_just_before, urlopen_method, urlopen_refusal
from .value_forms import assigned_pairs, container_items, stored_item

# Builtins giving back the items of the one iterable they are handed.
_SAME_ITEMS = frozenset({"builtins.sorted", "builtins.list", "builtins.reversed", "builtins.tuple"})


class ModuleAnalyser(OperatorCalls):
    """Walks one module and fills a :class:`ModuleFacts`."""

    def __init__(self, module: str, path: str, is_package: bool) -> None:
        super().__init__(
            ModuleFacts(
                module=module,
                path=path,
                is_package=is_package,
                imports={},
                defs={},
                classes={},
                functions={},
                typed_names={},
                is_test_file=is_test_path(path),
            )
        )
        self.lambda_depth = 0
        self.block_counter = 0
        module_fn = Function(f"{module}.<module>", "<module>", module, Span(1, 0, 1, 0))
        module_fn.boundary = "module-level"
        self.facts.functions[module_fn.qualname] = module_fn
        self.module_fn = module_fn

    # -- entry point ---------------------------------------------------------

    # The module's functions made click groups (``@click.group()`` over ``def cli``).
    click_groups: frozenset[str] = frozenset()
    typer_apps: frozenset[str] = frozenset()
    # ``COMMANDS = {"get": cmd_get, ...}``: the functions each such global holds.
    function_tables: dict[str, tuple[str, ...]] = {}

    def _function_table(self, func: ast.expr) -> tuple[str, ...] | None:
        """The functions ``COMMANDS[name]`` may be, for a module's table of functions."""
        if not isinstance(func, ast.Subscript) or not isinstance(func.value, ast.Name):
            return None
        name = func.value.id
        if name not in self.function_tables or name in self._bound_locally():
            return None
        return self.function_tables[name]

    def analyse(self, tree: ast.Module) -> ModuleFacts:
        self.collect_top_level(tree)
        self.function_tables = function_tables(tree, self.resolve)
        self.setters = setter_methods(tree)
        self.facts.registries = mark_registries(tree, self.resolve, self.facts.classes)
        self.click_groups = frozenset(
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and any(
                ast.unparse(d).split("(")[0].rpartition(".")[2] == "group"
                and (self.resolve(d.func if isinstance(d, ast.Call) else d) or "").startswith(
                    "click."
                )
                for d in node.decorator_list
            )
        )
        # ``app = typer.Typer()``: typer runs its commands (click's) synchronously.
        self.typer_apps = frozenset(
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and self.resolve(node.value.func) in ("typer.Typer", "typer.main.Typer")
            for target in node.targets
            if isinstance(target, ast.Name)
        )
        module_scope = LocalScope(self.module_fn, None)
        module_scope.plain = plain_names(tree.body, self.plain_value, frozenset())
        module_scope.item_types = {name: set(items) for name, items in self.global_items.items()}
        self.scopes.append(module_scope)
        self._visit_block(tree.body)
        self.scopes.pop()
        return self.facts

    def _visit_block(self, body: list[ast.stmt]) -> None:
        fn = self.scopes[-1].function if self.scopes else None
        if fn is not None and fn is not self.module_fn:
            fn.fan_outs.extend(thread_shapes.thread_fan_outs(body, self))
        self.block_counter += 1
        block = self.block_counter
        scope = self.scopes[-1] if self.scopes else None
        made = dict(scope.made_attrs) if scope is not None else {}
        for index, stmt in enumerate(body):
            self._note_assignment(stmt, block, index)
            self.visit(stmt)
        if scope is not None:
            # What this block made is known in the rest of it only (a branch or a loop
            # body may not run); what it gave another value is known nowhere after.
            now = scope.made_attrs
            scope.made_attrs = {a: typ for a, typ in made.items() if now.get(a) == typ}

    def _note_assignment(self, stmt: ast.stmt, block: int, index: int) -> None:
        fn = self.scopes[-1].function if self.scopes else None
        if fn is None:
            return
        value: ast.expr | None = None
        names: tuple[str, ...] = ()
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            value = stmt.value
            target = stmt.targets[0]
            if isinstance(target, ast.Name):
                names = (target.id,)
            elif isinstance(target, ast.Tuple) and all(
                isinstance(e, ast.Name) for e in target.elts
            ):
                names = tuple(e.id for e in target.elts)  # type: ignore[attr-defined]
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            value = stmt.value
            names = (stmt.target.id,)
        if isinstance(value, ast.Await):
            value = value.value
        if not names or not isinstance(value, ast.Call):
            return
        reads = frozenset(
            n.id for n in ast.walk(value) if isinstance(n, ast.Name) and n is not value.func
        )
        fn.assignments.append(
            Assignment(
                span=span_of(stmt),
                names=names,
                call_target=self.callee_target(value),
                reads=reads,
                block=block,
                index=index,
            )
        )

    def generic_visit(self, node: ast.AST) -> None:
        for fieldname in child_fields(type(node)):
            value = getattr(node, fieldname, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                if fieldname in ("body", "orelse", "finalbody"):
                    self._visit_block(value)
                    continue
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        outer = self.scopes[-1]
        parent_prefix = self._prefix()
        qualname = f"{parent_prefix}.{node.name}"
        # ``Base[T]`` (a generic base parametrised) derives from ``Base``.
        bases = (b.value if isinstance(b, ast.Subscript) else b for b in node.bases)
        self.facts.classes[qualname] = [b for b in map(self.resolve, bases) if b]
        if items := base_items(node.bases, self.resolve):
            self.facts.class_items[qualname] = items  # ``class Devices(list[Device])``
        self.facts.class_spans[qualname] = span_of(node)
        if assigned := class_body_names(node):
            self.facts.class_attrs[qualname] = assigned
        if aliases := method_aliases(node):
            self.facts.method_aliases[qualname] = aliases
        for name, (factory, call) in factory_fields(node, self.resolve).items():
            if (typ := CONSTRUCTORS.get(factory)) in SESSION_TYPES:
                self.facts.session_fields.setdefault(qualname, {})[name] = span_of(call)
                self.facts.attr_types.setdefault(qualname, {}).setdefault(name, typ or "")
        for decorator in node.decorator_list:
            self.visit(decorator)
        if outer.function is not None and outer.function.name != "<module>":
            outer.local_defs[node.name] = qualname  # a test's class of its own, say
        scope = LocalScope(None, qualname)
        scope.local_types = outer.local_types
        self.scopes.append(scope)
        if self.facts.is_test_file:
            for stmt in node.body:  # a test class's mocks on ``self`` (see local_mocks)
                stmt._migrate_class = node  # type: ignore[attr-defined]
        self._visit_block(node.body)
        if (made := dataclass_init(node, self.resolve)) is not None:
            self._function(made, is_async=False)  # what its callers give flows (typeflow)
        self.scopes.pop()

    def _prefix(self) -> str:
        for scope in reversed(self.scopes):
            if scope.function is not None and scope.function.name != "<module>":
                return scope.function.qualname
            if scope.function is None and scope.class_qualname:
                return scope.class_qualname
        return self.facts.module

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._function(node, is_async=False)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._function(node, is_async=True)

    def _stored_function(self, target: ast.Subscript, node: ast.Assign) -> None:
        """``app.jinja_env.globals["temp"] = current_temp``: a function handed to what
        the container belongs to, which calls it (see colour._references)."""
        value = node.value
        container = self.resolve(target.value) if dotted(target.value) else None
        if container is None:
            return
        if isinstance(value, ast.Call):  # ``= async_to_sync(f)``, an earlier run's bridge
            setattr(value, "_migrate_arg_of", f"{container}.__setitem__")  # noqa: B010
            # ``app.extensions["api"] = Api(...)``: what the container holds (object_attrs).
            typ = self.type_of_call(value, self.scopes[-1]) if self.scopes else None
            if typ and not typ.endswith(RETURNS_SUFFIX):
                self.facts.stored_items.setdefault(container, set()).add(typ)
            return
        if not isinstance(value, ast.Name | ast.Attribute):
            return
        fn = self.scopes[-1].function or self.module_fn
        fn.refs.append(
            Ref(
                span=span_of(value),
                target=self.resolve(value),
                text=expr_text(value),
                receiver=f"{container}.__setitem__",
                keyword=None,
                call_span=span_of(node),
                in_lambda=self.lambda_depth > 0,
                # ``self.rooms[id] = room``, ``room = Room(self)``: an instance, not the class.
                instance=self.names_instance(value),
                position=1,
                statement=True,
            )
        )

    def _note_kept_function(self, fn: Function, node: ast.Assign) -> bool:
        """``self._fetch = endpoint.get`` / ``= partial(endpoint.get, size=3)``: a
        function the instance keeps (see kept_methods). True when the value is a
        local bound to a partial right before (``self.fn = fn`` otherwise keeps the
        parameter ``fn`` as it was given, see kept_callbacks)."""
        attrs = [attr for assigned in node.targets if (attr := _self_attr(assigned))]
        value = node.value
        if isinstance(value, ast.Call) and self.resolve(value.func) in PARTIALS and value.args:
            value = value.args[0]
        elif isinstance(value, ast.Name) and (ref := self._partial_just_before(node, value.id)):
            # ``fetch = partial(endpoint.get); self._fetch = fetch``: the partial's function,
            # as resolved where it was bound.
            fn.kept_functions += [
                KeptFunction(attr, ref.span, ref.text, ref.target, ref.param_target)
                for attr in attrs
            ]
            return bool(attrs)
        elif isinstance(value, ast.Name) and value.id in fn.params[1:]:
            return False
        if not isinstance(value, ast.Attribute | ast.Name) or not dotted(value):
            return False
        target = self.resolve(value)
        held = None if target else through_param(self.value_of, value)
        fn.kept_functions += [
            KeptFunction(attr, span_of(value), expr_text(value), target, held) for attr in attrs
        ]
        return False

    def _partial_just_before(self, node: ast.Assign, name: str) -> Ref | None:
        """The function a ``name = partial(f, ...)`` right before ``node`` (in the same
        block) binds, as noted when that statement was read."""
        scope = self.scopes[-1]
        if scope.node is None or scope.function is None:
            return None
        for block in block_lists(scope.node):
            for stmt, after in itertools.pairwise(block):
                if after is not node:
                    continue
                if not isinstance(stmt, ast.Assign):
                    return None
                value = stmt.value
                if (
                    not isinstance(value, ast.Call)
                    or [t.id for t in stmt.targets if isinstance(t, ast.Name)] != [name]
                    or self.resolve(value.func) not in PARTIALS
                    or not value.args
                ):
                    return None
                where = span_of(value.args[0])
                return next((r for r in scope.function.refs if r.span == where), None)
        return None

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, is_async: bool) -> None:
        outer = self.scopes[-1]
        class_qualname = outer.class_qualname if outer.function is None else None
        qualname = f"{self._prefix()}.{node.name}"
        accessor = property_accessor(node)
        if accessor and qualname in self.facts.functions:
            # The getter keeps the name reads resolve to, and stays sync: an assignment
            # or ``del`` cannot await. The accessor is a function of its own.
            self.facts.functions[qualname].boundary = f"property with a {accessor}"
            qualname = f"{qualname}.<{accessor}>"
        elif qualname in self.facts.functions:
            # Defined again (in the other branch of an ``if``, an ``@overload``'s
            # implementation, singledispatch's ``_``): calls of the name may run
            # either, so they are async together.
            first, qualname = qualname, f"{qualname}@{node.lineno}"
            self.facts.run_together.append((first, qualname))
        registered = dispatch_base(node, self.facts.functions, self._prefix())
        if registered is not None:
            self.facts.run_together.append((registered, qualname))
        args = node.args
        params = ordered_parameters(args)
        parent = (
            outer.function.qualname
            if outer.function and outer.function.name != "<module>"
            else None
        )
        fn = Function(
            positional=len(args.posonlyargs) + len(args.args),
            qualname=qualname,
            name=node.name,
            module=self.facts.module,
            span=span_of(node),
            is_async=is_async,
            is_generator=self.tree.yields(node),
            holds_across_yield=self.tree.holds_across_yield(node),
            class_qualname=class_qualname,
            parent=parent,
            params=params,
        )
        self.facts.functions[qualname] = note_signature(fn, node)
        fn.method_defaults = methods.method_defaults(node)
        fn.called_params = called_params(node, params)
        fn.none_defaults = none_defaults(node)
        fn.required = required_params(node)
        fn.function_defaults = tuple(
            (param, name, span_of(default))
            for param, default in (*named_defaults(node), *parametrized_values(node))
            if (name := self.resolve(default)) is not None
        )
        if outer.function is not None and outer.function.name != "<module>":
            outer.local_defs[node.name] = qualname

        # Decorators are evaluated in the enclosing scope.
        for decorator in node.decorator_list:
            is_call = isinstance(decorator, ast.Call)
            callee = decorator.func if isinstance(decorator, ast.Call) else decorator
            fn.decorators.append(
                Decorator(span_of(decorator), self.resolve(callee), expr_text(callee), is_call)
            )
            if has_async_memo(fn.decorators[-1].target, decorator):
                fn.async_memo = fn.decorators[-1]
            self.visit(decorator)
        for default in (*args.defaults, *[d for d in args.kw_defaults if d is not None]):
            self.visit(default)
        self._classify(fn, node)
        if self.facts.is_test_file:
            fn.patched_returns = patched_returns(node, self.resolve, class_qualname is not None)

        self.note_function_ends(fn, node)
        # A method's scope knows its class, so ``self.x`` / ``cls.x`` resolve.
        scope = LocalScope(fn, class_qualname, bound_names(node.body), node)
        scope.aliases = function_aliases(node, scope.bound)
        module = (self.facts.module, self.facts.is_package)
        scope.chains = local_chains(node, scope.bound, self.resolve, module)
        if "prepare_request" in self.tree.attributes:
            scope.prepared = prepared_flows(node, self.resolve)
        self.param_types(fn, node, scope)
        mark_iterated_locals(node)
        self.scopes.append(scope)
        self._visit_block(node.body)
        fn.returned_refs = returned_references(node, self.resolve)
        fn.annotated_returns = annotated_names(node.returns, self.resolve)
        self.scopes.pop()
        fn.relayed = relayed_calls(node)
        fn.returns_self_attr = returned_self_attr(node) if class_qualname else None
        fn.twin_shim = self._twin_shim(node) if class_qualname else None
        # ``return wrapper``, or ``return cast(F, wrapper)`` in typed code.
        returned = [self._uncast(r.value) for r in self.tree.inside(node, ast.Return)]
        fn.returns_inner = tuple(
            sorted(
                scope.local_defs[value.id]
                for value in returned
                if isinstance(value, ast.Name) and value.id in scope.local_defs
            )
        )

    def _uncast(self, value: ast.expr | None) -> ast.expr | None:
        """``x`` of ``typing.cast(T, x)``; any other value as it is."""
        if isinstance(value, ast.Call) and len(value.args) == 2 and not value.keywords:
            if self.resolve(value.func) == "typing.cast":
                return value.args[1]
        return value

    def _twin_shim(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
        """``name`` when the body is ``return async_to_sync(self.<name>)(...)``."""
        body = node.body[1:] if ast.get_docstring(node) is not None else node.body
        value = body[0].value if len(body) == 1 and isinstance(body[0], ast.Return) else None
        bridge = value.func if isinstance(value, ast.Call) else None
        if not isinstance(bridge, ast.Call) or len(bridge.args) != 1 or bridge.keywords:
            return None
        if BRIDGES.get(self.resolve(bridge.func) or "") != "async_to_sync":
            return None
        return _self_attr(bridge.args[0])

    def _classify(self, fn: Function, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        name = fn.name
        for deco in fn.decorators:
            last = deco.text.rsplit(".", 1)[-1]
            target = deco.target or ""
            if last in ("setter", "getter", "deleter"):
                fn.boundary = fn.boundary or "property"
            elif deco.text == "property" or target == "builtins.property":
                fn.property = "property"
            elif target == "functools.cached_property" or deco.text == "cached_property":
                # Cached on the instance; as an async method, by the cached_result helper.
                fn.property = "cached_property"
                continue
            if target == "contextlib.contextmanager" or (
                deco.text == "contextmanager" and not target
            ):
                fn.contextmanager = True
            if target in MEMOISERS or (deco.text in ("lru_cache", "cache") and not target):
                fn.memoised = deco.text
            if target in SYNC_CALLING_DECORATORS:
                fn.boundary = (
                    fn.boundary or f"its @{deco.text.split('(')[0]} calls it synchronously"
                )
            if (
                "." in deco.text
                and last in FLASK_ROUTE_METHODS
                and deco.is_call
                and target not in PATCHERS
            ):
                fn.framework = "flask-view"
            elif last in FLASK_HANDLER_DECORATORS:
                fn.framework = "flask-handler"
            elif last in JINJA_DECORATORS and "." in deco.text:
                fn.boundary = f"Jinja calls it synchronously (@{deco.text.split('(')[0]})"
            elif last in ("command", "group") and (
                "click" in deco.text
                or ".cli" in deco.text
                or (deco.target and deco.target.startswith("click."))
                # ``@cli.command()`` with ``@click.option(...)``, or under a group
                # this module makes with ``@click.group()``.
                or any((d.target or d.text).startswith("click.") for d in fn.decorators)
                or deco.text.rpartition(".")[0] in self.click_groups
            ):
                fn.boundary = "click-command"
            elif last in ("command", "callback") and deco.text.rpartition(".")[0] in (
                self.typer_apps
            ):
                fn.boundary = "click-command"
            elif target in FIXTURE_DECORATORS or deco.text in ("pytest.fixture", "fixture"):
                fn.framework = "pytest-fixture"
        # ``__init__`` may await: its class then gets an async factory (``create``);
        # ``__enter__``/``__exit__`` become ``__aenter__``/``__aexit__``.
        if (
            name.startswith("__")
            and name.endswith("__")
            and not fn.is_async
            and name not in ASYNC_DUNDERS
            and name not in TWIN_NAMES
            and not (name == "__iter__" and fn.is_generator)  # an async generator's __aiter__
        ):
            fn.boundary = fn.boundary or "dunder"
        if self.facts.is_test_file and name in SYNC_TEST_HOOKS:
            fn.boundary = fn.boundary or f"the test runner calls {name} synchronously"
        if self.facts.is_test_file and name.startswith("test") and fn.parent is None:
            fn.framework = fn.framework or "pytest-test"

    def visit_Lambda(self, node: ast.Lambda) -> None:
        # A lambda mapped over items is a generator in disguise: its calls are ours,
        # gathered; a test's are not (see concurrency), so they stay a lambda's.
        function = self.scopes[-1].function or self.module_fn
        inline = getattr(node, "_migrate_mapped", False) and function.framework != "pytest-test"
        args = node.args
        for default in (*args.defaults, *[d for d in args.kw_defaults if d is not None]):
            self.visit(default)
        self.lambda_depth += not inline
        self.scopes.append(LocalScope.nested(function, parameters(args)))
        self.visit(node.body)
        self.scopes.pop()
        self.lambda_depth -= not inline

    def visit_If(self, node: ast.If) -> None:
        mark_tested(node.test)
        if is_main_guard(node) and self.scopes[-1].function is self.module_fn:
            main_fn = Function(
                f"{self.facts.module}.<main>", "<main>", self.facts.module, span_of(node)
            )
            main_fn.boundary = "__main__"
            self.facts.functions[main_fn.qualname] = main_fn
            self.visit(node.test)
            self.scopes.append(LocalScope(main_fn, None))
            self._visit_block(node.body)
            self.scopes.pop()
            self._visit_block(node.orelse)
            return
        self.visit(node.test)
        with narrowed(self.scopes[-1], node.test, self.resolve):
            self._visit_block(node.body)
        self._visit_block(node.orelse)

    def visit_Assert(self, node: ast.Assert) -> None:
        super().visit_Assert(node)
        if self.scopes and (found := checked(node.test, self.resolve)) is not None:
            narrow(self.scopes[-1], *found)

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        mark_stop_expectations(node)
        self._add_fan_outs(*shapes.completed_pool(node, self))
        self.note_with_items(node)
        fn = self.scopes[-1].function
        held = held_objects(node) if isinstance(node, ast.With) and fn is not None else ()
        if held and fn is not None:
            fn.held_calls += tuple(span_of(c) for c in self.tree.inside(node, ast.Call))
            fn.held_names += held
        self.generic_visit(node)

    visit_AsyncWith = visit_With

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        scope = self.scopes[-1]
        if node.value is not None and isinstance(node.target, ast.Name):
            # ``rules: RuleManager = self.parent.rules``: what it is given, typed
            # by its annotation where that names one class.
            self.visit_Assign(ast.copy_location(ast.Assign([node.target], node.value), node))
            typ = self.annotation_type(node.annotation)
            if typ and scope.function not in (None, self.module_fn):
                scope.local_types[node.target.id] = typ
                scope.returned_by.pop(node.target.id, None)
            self.visit(node.annotation)
            return
        if node.value is None or not isinstance(node.target, ast.Attribute):
            self.generic_visit(node)
            return
        # ``self.site: Site = site`` keeps what it is given as ``self.site = site`` does.
        plain = ast.Assign(targets=[node.target], value=node.value)
        node.target._migrate_annotated = True  # type: ignore[attr-defined]
        self.visit_Assign(ast.copy_location(plain, node))
        self.visit(node.annotation)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        """``if (c := Client(base)) is not None:``: ``c`` holds what it is given,
        in the function's own scope (also from inside a comprehension)."""
        scope = next((s for s in reversed(self.scopes) if s.node is not None), None)
        if scope is not None and scope.function not in (None, self.module_fn):
            typ = self.type_of_value(node.value, self.scopes[-1])
            if typ:
                scope.local_types[node.target.id] = typ
            else:
                scope.local_types.pop(node.target.id, None)
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if self.scopes[-1].function is self.module_fn and self.facts.global_aliases:
            decorate(node, self.facts.global_aliases, self.facts.functions, self.resolve)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            node.value._migrate_held = True  # type: ignore[attr-defined]  # see Call.held
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript):
            node.targets[0]._migrate_twin = "setitem"  # type: ignore[attr-defined]
            self._stored_function(node.targets[0], node)
        elif len(node.targets) == 1 and isinstance(node.targets[0], ast.Attribute):
            if isinstance(node.value, ast.Call) and _self_attr(node.targets[0]):
                node.value._migrate_held = True  # type: ignore[attr-defined]
            if not getattr(node.targets[0], "_migrate_annotated", False):
                # ``obj.name = v`` alone: a setter's site that can read ``await obj.aset_name(v)``.
                node.targets[0]._migrate_twin = "set"  # type: ignore[attr-defined]
        scope = self.scopes[-1]
        for target in node.targets:
            if isinstance(target, ast.Name) and through_mock(node.value):
                scope.mock_results.add(target.id)
            elif isinstance(target, ast.Name):
                scope.mock_results.discard(target.id)
        fn = scope.function
        nested = named_lambda(node, scope.node) if fn is not self.module_fn else None
        if nested is not None:  # ``get = lambda u: ...``: a nested function (see named_lambdas)
            self._function(nested, is_async=False)
            self.facts.functions[f"{self._prefix()}.{nested.name}"].named_lambda = True
            return
        partial_kept = fn is not None and fn.class_qualname and self._note_kept_function(fn, node)
        if (
            not partial_kept
            and fn is not None
            and fn.class_qualname
            and isinstance(node.value, ast.Name)
            and node.value.id in fn.params[1:]
        ):
            # ``self.fn = fn`` in a method: the instance keeps what it was given
            # (a decorator class keeps the function it wraps).
            for target in node.targets:
                attr = _self_attr(target)
                if attr:
                    fn.param_attrs += (attr,)
                    fn.kept_params += ((node.value.id, attr),)
        elif fn is not None and fn.class_qualname and (given := _given_or_default(node.value)):
            if given in fn.params[1:]:
                fn.defaulted_params += tuple(
                    (given, attr) for target in node.targets if (attr := _self_attr(target))
                )
        note_assigned_fake(self, self.scopes[-1].function or self.module_fn, node)
        if fn is not None:  # ``_users[uid] = v``: a module global changed (see gathers)
            local = scope.bound | scope.params
            note_global_change(fn, local, self.facts.top_level, *node.targets)
            note_param_change(fn, scope.params, *node.targets)
        self.note_assignment(node, scope)
        note_stored_hook(self, fn or self.module_fn, node)
        self.note_assigned_values(node, scope)
        typ = self.type_of_value(node.value, scope) if scope.function is not None else None
        made = node.value
        self._note_containers(node, scope, typ)
        # Only a tuple target's names: a plain name given the whole value is typed below.
        pairs = [
            (name, value)
            for name, value in assigned_pairs(node)
            if isinstance(name, ast.Name) and value is not made
        ]
        pair_types = [
            (name, self.type_of_value(value, scope))
            for name, value in (pairs if scope.function not in (None, self.module_fn) else ())
        ]
        # The value is read before the names are bound: ``endpoint = partial(endpoint.get)``
        # reads the parameter's ``get``, not the partial's.
        self.generic_visit(node)
        for name, pair_type in pair_types:
            # ``first, second = Client(a), Client(b)``: each name its own value.
            if pair_type:
                scope.local_types[name.id] = pair_type
            else:
                scope.local_types.pop(name.id, None)
        for target in node.targets:
            if (attr := _self_attr(target)) and typ and isinstance(node.value, ast.Call):
                scope.made_attrs[attr] = typ  # ``self.auth = OAuth(t)``, then ``self.auth.m()``
            elif attr:
                scope.made_attrs.pop(attr, None)
        if scope.function is not self.module_fn and (typ or isinstance(node.value, ast.Call)):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    scope.instances.discard(target.id)
                    if typ:
                        scope.local_types[target.id] = typ
                        if isinstance(node.value, ast.Call) and not started_mock(
                            node.value, self.resolve
                        ):
                            scope.instances.add(target.id)
                    else:
                        scope.local_types.pop(target.id, None)
                    called = None if typ else self._called(node.value)
                    if called:
                        scope.returned_by[target.id] = called
                    else:
                        scope.returned_by.pop(target.id, None)
        for target in node.targets:
            if isinstance(target, ast.Name) and scope.function is not self.module_fn:
                held = None if typ else self._either_classes(node.value)
                if held:
                    scope.either_values[target.id] = held
                else:
                    scope.either_values.pop(target.id, None)
            if isinstance(target, ast.Name):
                given = None if typ else self._param_result(node.value)
                if given:
                    scope.param_returns[target.id] = given
                else:
                    scope.param_returns.pop(target.id, None)

    def _either_classes(self, value: ast.expr) -> str | None:
        """``Remote(url) if url else Local()``: what either branch makes, when each
        makes an instance of a class (``"pkg.Remote|pkg.Local"``)."""
        if not isinstance(value, ast.IfExp | ast.BoolOp):
            return None
        held = self.value_of(value)
        parts = held.split("|") if held else []
        made = isinstance(value, ast.IfExp) and all(
            isinstance(v, ast.Call) for v in (value.body, value.orelse)
        )
        return held if made and len(set(parts)) > 1 else None

    def _either_method(self, func: ast.expr, scope: LocalScope) -> tuple[str, ...]:
        """``backend.call`` where ``backend`` holds an instance of one of several
        classes (see LocalScope.either_values): each class's ``call``."""
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
            return ()
        either = scope.either_values.get(func.value.id)
        return tuple(f"{cls}.{func.attr}" for cls in either.split("|")) if either else ()

    def _param_result(self, value: ast.expr) -> str | None:
        """``<param>.opener.open()`` for ``opener.open(req)``, ``opener`` a parameter:
        what the result is, typed by the flow as the call is (see held.value_of)."""
        held = self.value_of(value) if isinstance(value, ast.Call) else None
        return held if held and held.startswith(PARAM_PREFIX) else None

    def _note_containers(self, node: ast.Assign, scope: LocalScope, typ: str | None) -> None:
        """What a local or an attribute is filled with: ``made = [make(b) for b in
        bases]``, ``self.clients = {u: Client(u) for u in urls}``, ``pages[title]
        = page`` (see item_type and graph.attr_items)."""
        fn = scope.function
        owner = fn.class_qualname if fn is not None and fn is not self.module_fn else None
        items = container_items(node.value, lambda item: self.type_of_value(item, scope))
        for target in node.targets:
            attr = _self_attr(target) if owner else None
            if attr:
                # Anything else it is given leaves what its items are unknown.
                self.facts.attr_items.setdefault(f"{owner}.{attr}", set()).update(
                    items if items is not None else {""}
                )
            elif isinstance(target, ast.Name) and fn:
                if items is not None:
                    scope.item_types.setdefault(target.id, set()).update(items)
                elif target.id in scope.item_types:
                    scope.item_types[target.id].add("")  # given something else too
            elif isinstance(target, ast.Subscript):
                # ``pages[title] = page``: what reading an item back gives.
                value = node.value
                stored = scope.local_types.get(value.id) if isinstance(value, ast.Name) else typ
                self._add_item(target.value, scope, stored or "")

    def _add_item(self, held: ast.expr, scope: LocalScope, typ: str) -> None:
        """One more item, of type ``typ``, in the local or ``self`` attribute ``held``."""
        fn = scope.function
        attr = _self_attr(held)
        if attr and fn is not None and fn.class_qualname and fn is not self.module_fn:
            self.facts.attr_items.setdefault(f"{fn.class_qualname}.{attr}", set()).add(typ)
        elif isinstance(held, ast.Name):
            owner = next((s for s in reversed(self.scopes) if held.id in s.bound), scope)
            owner.item_types.setdefault(held.id, set()).add(typ)

    def _called(self, value: ast.expr) -> str | None:
        """The project function an assigned call (or its await) calls, if any."""
        value = value.value if isinstance(value, ast.Await) else value
        called = self.resolve(value.func) if isinstance(value, ast.Call) else None
        return called if called and not called.startswith("builtins.") else None

    def _add_fan_outs(self, *found: FanOut | None) -> None:
        fn = self.scopes[-1].function
        if fn is not None:
            fn.fan_outs.extend(f for f in found if f is not None)

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        self._add_fan_outs(shapes.loop_fan_out(node, self))
        self.note_iteration(node.iter)
        scope = self.scopes[-1] if self.scopes else None
        if scope is not None and scope.function is not None:
            self._type_target(scope, node.target, node.iter)
        if scope is not None and scope.node is not None:
            for name, given in looped_functions(node, scope.node).items():
                # As written where the analysis cannot tell (``api.get``, ``api`` a
                # parameter): the plan names them for review.
                targets = [self.resolve(value) or expr_text(value) for value in given]
                scope.alternatives[name] = tuple(dict.fromkeys(targets))
                for value in given:
                    value._migrate_chosen = True  # type: ignore[attr-defined]
        self.generic_visit(node)

    def _type_target(self, scope: LocalScope, target: ast.expr, iterated: ast.expr) -> None:
        """``for store in project.storages``: ``store`` holds an item of a generator,
        once the graph knows it is one; an item of what a mock gives is no project
        object. ``for c, path in zip(made, paths)`` and ``for i, c in
        enumerate(made)``: each name holds an item of its own iterable; so do
        ``for c in clients.values()`` and ``for b, c in clients.items()``, also
        through ``sorted()``, ``list()`` or ``reversed()``."""
        if (
            isinstance(iterated, ast.Call)
            and len(iterated.args) == 1
            and self.resolve(iterated.func) in _SAME_ITEMS
        ):
            self._type_target(scope, target, iterated.args[0])
            return
        viewed = iterated.func if isinstance(iterated, ast.Call) and not iterated.args else None
        if (
            isinstance(viewed, ast.Attribute)
            and viewed.attr in ("values", "items")
            and isinstance(viewed.value, ast.Name)
        ):
            item = stored_item(self.scopes, viewed.value.id)
            name: ast.expr | None = target
            if viewed.attr == "items":
                pair = target.elts if isinstance(target, ast.Tuple) else []
                name = pair[1] if len(pair) == 2 else None
            if item and isinstance(name, ast.Name):
                scope.local_types[name.id] = item
            return
        if isinstance(iterated, ast.List | ast.Tuple | ast.Set) and isinstance(target, ast.Name):
            # ``for c in [Client(a), Client(b)]``: the one type of its items.
            made = {self.type_of_value(e, scope) for e in iterated.elts}
            typ = made.pop() if len(made) == 1 else None
            if typ:
                scope.local_types[target.id] = typ
            return
        if isinstance(target, ast.Tuple) and isinstance(iterated, ast.Call):
            walked = self.resolve(iterated.func)
            given = iterated.args
            if iterated.keywords or any(isinstance(a, ast.Starred) for a in given):
                return
            if walked == "builtins.zip" and len(target.elts) == len(given):
                for each, items in zip(target.elts, given):
                    self._type_target(scope, each, items)
            elif walked == "builtins.enumerate" and len(target.elts) == 2 and given:
                self._type_target(scope, target.elts[1], given[0])
            return
        if not isinstance(target, ast.Name):
            return
        if through_mock(iterated):
            scope.mock_results.add(target.id)
            return
        source = iterated.func if isinstance(iterated, ast.Call) else iterated
        held = self.resolve(source) if isinstance(source, ast.Attribute | ast.Name) else None
        item = None
        if isinstance(iterated, ast.Name):
            # The list's own function's: a comprehension's scope is nested in it.
            item = stored_item(self.scopes, iterated.id)
        if item and held is None:
            scope.local_types[target.id] = item  # ``for c in made``, a list of clients
        elif held and target.id not in scope.local_types:
            scope.local_types[target.id] = held + ITEMS_SUFFIX

    visit_AsyncFor = visit_For

    def _comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp
    ) -> None:
        if not isinstance(node, ast.GeneratorExp):
            self._add_fan_outs(shapes.comprehension_fan_out(node, self, self.scopes[-1].node))
        else:
            # Whether the items are all taken (``sum(...)``) or maybe a few (``any(...)``).
            consumer = getattr(node, "_migrate_arg_of", "")
            for gen in node.generators:
                gen.iter._migrate_genexp_of = consumer  # type: ignore[attr-defined]
            taker = (consumer or "").rsplit(".", 1)[-1]
            # ``any``/``all`` over one become a loop that stops where they stopped.
            if taker in shapes.SYNC_TAKERS - {"any", "all"}:
                made = tuple(span_of(c) for c in ast.walk(node.elt) if isinstance(c, ast.Call))
                (self.scopes[-1].function or self.module_fn).lazily_taken.append((taker, made))
        # Its ``for`` targets hide outer names inside it, except in the first
        # iterable, which is evaluated outside (visited in ``ast`` field order).
        fn = self.scopes[-1].function or self.module_fn
        inner = LocalScope.nested(fn, comprehension_names(node))
        # Its targets hold items of what they iterate, as a loop's (see visit_For);
        # the element reads them, so they are typed first.
        for index, generator in enumerate(node.generators):
            if index:
                self.scopes.append(inner)
            self._type_target(inner, generator.target, generator.iter)
            if index:
                self.scopes.pop()
        self.scopes.append(inner)
        for child in (node.key, node.value) if isinstance(node, ast.DictComp) else (node.elt,):
            self.visit(child)
        for index, generator in enumerate(node.generators):
            generator.iter._migrate_iterated = True  # type: ignore[attr-defined]
            self.visit(generator.target)
            if index == 0:
                self.scopes.pop()
                self.note_iteration(generator.iter)
                self.visit(generator.iter)
                self.scopes.append(inner)
            else:
                self.visit(generator.iter)
            for condition in generator.ifs:
                self.visit(condition)
        self.scopes.pop()

    visit_ListComp = _comprehension
    visit_SetComp = _comprehension
    visit_DictComp = _comprehension
    visit_GeneratorExp = _comprehension

    def visit_Call(self, node: ast.Call) -> None:
        shapes.mark_mapped_lambda(node, self)
        given = [*enumerate(node.args), *((k.arg, k.value) for k in node.keywords if k.arg)]
        for where, arg in given:
            if isinstance(arg, ast.Lambda) and isinstance(arg.body, ast.Call):
                # ``with_retries(lambda: fetch(url))``: what the lambda returns (see passed).
                arg.body._migrate_lambda_of = (span_of(node), where)  # type: ignore[attr-defined]
        if isinstance(node.func, ast.Call):
            node.func._migrate_called = True  # type: ignore[attr-defined]
        if (named := set_by_name(node, self.setters)) is not None:
            # ``setattr(self, "_client", client)`` is ``self._client = client``.
            attr = ast.Attribute(ast.Name("self", ast.Load()), named[0], ast.Store())
            self.note_attribute_writes([attr], named[1])
            if (fn := self.scopes[-1].function) is not None:
                note_self_change(fn, attr)
        self._record_call(node)
        self._note_item_added(node)
        node.func._migrate_called = True  # type: ignore[attr-defined]
        self.generic_visit(node)

    def _note_item_added(self, node: ast.Call) -> None:
        """``made.append(client)``: what a local list holds, for a loop over it
        (``for c in made: c.close()``), also from a function nested in the one
        whose local it is (a fixture's factory); ``self.clients.append(client)``:
        what the attribute holds."""
        func = node.func
        if not (
            isinstance(func, ast.Attribute)
            and func.attr in ("append", "add", "extend", "update")
            and isinstance(func.value, ast.Name | ast.Attribute)
            and len(node.args) == 1
            and self.scopes
            and self.scopes[-1].function is not None
        ):
            return
        held = func.value
        if isinstance(held, ast.Name):
            owner = next((s for s in reversed(self.scopes) if held.id in s.bound), None)
            if owner is None or owner.function is None or owner.function is self.module_fn:
                return
        elif _self_attr(held) is None:
            return
        given = node.args[0]
        scope = self.scopes[-1]
        if func.attr in ("extend", "update"):
            # ``made.extend(Client(u) for u in urls)``: what each item is.
            listed = given if isinstance(given, ast.GeneratorExp | ast.ListComp) else None
            given = listed.elt if listed is not None else ast.Constant(None)
        if isinstance(given, ast.Name):
            typ = scope.local_types.get(given.id)
        else:
            typ = self.type_of_value(given, scope)
        self._add_item(held, scope, typ or "")

    def _record_call(self, node: ast.Call) -> None:
        scope = self.scopes[-1]
        fn = scope.function
        if fn is None:
            # Class body code runs at import time, like module code.
            fn = self.module_fn
        func, shape = stand_in(node, fn, self.scopes, self.resolve) or (node.func, node)
        target = self.resolve(func)
        if target is None and isinstance(func, ast.Call):
            # ``verb(remote)(path)``, ``client.shortcut(name)(**kw)``: a call of what a
            # function returns (see returned_functions); the graph knows what that
            # is, if anything.
            if isinstance(func.func, ast.Name):
                made = self.facts.defs.get(func.func.id)
            else:
                made = self.resolve(func.func) if isinstance(func.func, ast.Attribute) else None
            if made is not None and made not in self.facts.classes:
                target = made + RETURNS_SUFFIX
        elif target is None and isinstance(func, ast.Name):
            # ``org_list = client.shortcut(name)`` then ``org_list()``: likewise.
            made = returned_by(self.scopes, func.id)
            target = made + RETURNS_SUFFIX if made else None
        if target and self.holds_instance(func):
            target = f"{target}.__call__"  # ``invoker()``, ``self.rank(n)``: the instance is called
        if (held := len_site(node, target)) is not None:
            self.dunder_call(node, held, "__len__", "len")  # see twins
        parent = getattr(node, "_migrate_parent", None)
        at = getattr(node, "_migrate_iterated_at", None)  # see iterated_locals
        call = Call(
            span=span_of(node),
            target=target,
            text=expr_text(func),
            awaited=isinstance(parent, ast.Await),
            in_lambda=self.lambda_depth > 0,
            iterated=bool(getattr(node, "_migrate_iterated", False)),
            iterated_at=span_of(at) if at else None,
            taken_at=getattr(node, "_migrate_taken_at", ()),
            stop_handler=getattr(node, "_migrate_stop_handler", None),
            arg_of=getattr(node, "_migrate_arg_of", None),
            genexp_of=getattr(node, "_migrate_genexp_of", None),
            position=getattr(node, "_migrate_position", None),
            with_item=getattr(node, "_migrate_with_item", False),
            lambda_of=getattr(node, "_migrate_lambda_of", None),
        )
        # ``self.rank = Ranker(self)``, spelt as the class (not a local holding one).
        spelt = expr_text(func).rsplit(".", 1)[-1] == (target or "").rsplit(".", 1)[-1]
        call.held = getattr(node, "_migrate_held", False) and spelt
        target = self.note_picked(call, node)
        if isinstance(node.func, ast.Name) and node.func.id in scope.alternatives:
            call.alternatives = scope.alternatives[node.func.id]
            call.target = target = None
        elif target is None and (either := self._either_method(node.func, scope)):
            call.alternatives = either  # ``backend.call()``: each class's, one group
        elif (table := self._function_table(node.func)) is not None:
            call.alternatives = table  # ``COMMANDS[name](url)``: one of the table's
            call.target = target = None
        call.arg_types = self.argument_types(node, scope)
        # ``self.__dict__.update(d)`` resolves into the class, but is the instance's dict;
        # ``monkeypatch.context()``, a fixture's, may be pytest's own (see plain).
        unknown = target is None or target.startswith(FIXTURE_PREFIX) or ".__dict__." in call.text
        # Resolved to an attribute path only: ``r.headers.get``, ``self.__dict__["a"].get``.
        func = node.func
        on_item = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Subscript)
        unknown = unknown or on_a_mapping(call.text) or on_item
        call.plain_receiver = unknown and self.plain_receiver(call.text, node.func)
        self.note_arguments(call, shape)
        self.note_values(call, shape, target)
        call.refusal = urlopen_refusal(target, node, scope.node, self.resolve)
        if (prepared := scope.prepared.get(id(node))) is not None:
            call.prepared, call.prepared_refusal = prepared.build, prepared.refusal
        if target == URLOPEN and scope.node is not None:
            built = built_just_before(node, scope.node, self.resolve)
            if call.refusal is None and built is not None:
                call.request_span = span_of(built)
            call.http_verb = urlopen_method(node, built, self.resolve)
        fan_out = shapes.map_fan_out(node, target, self)
        if fan_out:
            fn.fan_outs.append(fan_out)
        if (target or call.text).endswith(".request"):
            methods.note_method(call, node, self.value_of)
        call.methods_given = methods.methods_given(node)
        fn.calls.append(call)
        if call.text == "monkeypatch.setattr" or target in PATCHERS:
            note_patch(self, fn, node)
        note_dynamic(self, fn, node, target)
        note_named_reads(self, fn, node, target, self.lambda_depth > 0)

        # Calls whose result feeds another call, and functions handed over by reference.
        receiver = target or expr_text(node.func)
        receiver_last = receiver.rsplit(".", 1)[-1]
        for arg in node.args:
            self.note_argument(arg, receiver, None, receiver_last, node)
        for kw in node.keywords:
            self.note_argument(kw.value, receiver, kw.arg, receiver_last, node)

        # Calls of an enclosing function's parameter: the decorator wrapper pattern.
        # In a class, ``self.fn(...)`` in ``__call__``: the decorator-class pattern.
        attr = _self_attr(node.func)
        if attr and fn.name == "__call__" and fn.class_qualname:
            fn.param_calls.append((fn.class_qualname, f"self.{attr}", span_of(node)))
        if isinstance(node.func, ast.Name):
            for outer in reversed(self.scopes):
                if outer.function is None or outer.function is self.module_fn:
                    break
                if node.func.id in outer.params and outer.function is not fn:
                    fn.param_calls.append((outer.function.qualname, node.func.id, span_of(node)))
                    break
                if node.func.id in outer.params:
                    break

    def visit_comprehension(self, node: ast.comprehension) -> None:
        node.iter._migrate_iterated = True  # type: ignore[attr-defined]
        self.generic_visit(node)


def analyse_source(text: str, module: str, path: str, is_package: bool) -> ModuleFacts:
    """Facts for one module's source text (raises ``SyntaxError`` on bad input)."""
    tree = ast.parse(text, filename=path)
    return ModuleAnalyser(module, path, is_package).analyse(tree)


def dispatch_base(
    node: ast.FunctionDef | ast.AsyncFunctionDef, functions: dict[str, Function], prefix: str
) -> str | None:
    """``@describe.register`` (or ``.register(int)``) under a ``@singledispatch``
    ``describe``: the function whose calls dispatch to this one."""
    for decorator in node.decorator_list:
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        if not (
            isinstance(func, ast.Attribute)
            and func.attr == "register"
            and isinstance(func.value, ast.Name)
        ):
            continue
        base = functions.get(f"{prefix}.{func.value.id}")
        if base is not None and any(
            d.text.rpartition(".")[2] in ("singledispatch", "singledispatchmethod")
            for d in base.decorators
        ):
            return base.qualname
    return None


def _given_or_default(value: ast.expr) -> str | None:
    """The parameter ``client or HttpClient()`` and ``client if client else
    HttpClient()`` (or ``... is not None else ...``) keep when it is given."""
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or):
        first = value.values[0]
        return first.id if isinstance(first, ast.Name) else None
    if isinstance(value, ast.IfExp) and isinstance(value.body, ast.Name):
        test = value.test
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            test = test.left if isinstance(test.ops[0], ast.IsNot) else test
        if isinstance(test, ast.Name) and test.id == value.body.id:
            return test.id
    return None
