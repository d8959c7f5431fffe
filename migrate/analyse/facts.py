"""Per-module facts, extracted with the stdlib ``ast`` (cheap, C-speed parse).

The facts are plain picklable dataclasses so that worker processes can
produce them in parallel. Nothing here knows which functions will become
async: that is decided for the whole project in :mod:`migrate.analyse.colour`.
Names are resolved as far as one file allows (imports, aliases, module
globals holding catalogue objects, ``self.x`` attributes, local instances);
what cannot be resolved is kept as ``None`` so later stages can say so
instead of guessing.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field

from .catalogue import CONSTRUCTORS

BUILTIN_NAMES = frozenset(dir(builtins))

FLASK_ROUTE_METHODS = frozenset({"route", "get", "post", "put", "patch", "delete"})
FLASK_HANDLER_DECORATORS = frozenset(
    {
        "errorhandler",
        "app_errorhandler",
        "before_request",
        "before_app_request",
        "after_request",
        "after_app_request",
        "teardown_request",
        "teardown_app_request",
        "teardown_appcontext",
    }
)
# Flask registration calls that accept async callables (Flask runs them
# through ensure_sync), so passing a coroutine function there is fine.
FLASK_ASYNC_RECEIVERS = FLASK_HANDLER_DECORATORS | {"register_error_handler", "add_url_rule"}
BRIDGES = frozenset({"asgiref.sync.async_to_sync", "asgiref.sync.sync_to_async"})
MEMOISERS = frozenset(
    {"functools.lru_cache", "functools.cache", "functools.cached_property", "cachetools.cached"}
)


@dataclass(frozen=True)
class Span:
    """Where something is: 1-based lines, 0-based columns, as ``ast`` gives."""

    line: int
    col: int
    end_line: int
    end_col: int


@dataclass
class Call:
    """One call expression inside a function (or module-level code)."""

    span: Span
    target: str | None  # resolved qualified name of the callee
    text: str  # the callee as written, e.g. ``session.get``
    awaited: bool = False
    in_lambda: bool = False
    iterated: bool = False  # the result is iterated (for / comprehension)
    arg_of: str | None = None  # the result is passed to this callee
    http_verb: str | None = None  # for ``session.request("POST", ...)``


@dataclass
class Ref:
    """A function used as a value (not called here), e.g. ``sorted(key=f)``."""

    span: Span
    target: str | None
    text: str
    receiver: str | None  # the callee it is handed to, resolved or as written
    keyword: str | None = None
    in_async_receiver: bool = False  # handed to Flask registration (accepts async)
    call_span: Span | None = None  # the call it is an argument of: ``async_to_sync(f)``
    in_lambda: bool = False


@dataclass
class Patch:
    """``monkeypatch.setattr(mod, "fetch", fake)``: ``fake`` stands in for ``mod.fetch``."""

    span: Span  # the fake as written
    target: str | None  # resolved qualified name of what is replaced
    fake: str | None  # resolved qualified name of the fake; None for a lambda or other value
    is_lambda: bool = False


@dataclass
class Decorator:
    span: Span
    target: str | None
    text: str
    is_call: bool


@dataclass
class FanOut:
    """A loop, comprehension or map that calls something once per item."""

    kind: (
        str  # "loop-append", "loop-dict", "comprehension", "map", "executor-map", "executor-submit"
    )
    span: Span
    call_target: str | None
    call_text: str
    loop_var: str | None
    iter_text: str
    result_name: str | None  # the list/dict being filled, for loops
    shape: str  # "list", "dict", "set"
    refusal: str | None = None  # why it is not safe to run concurrently, seen locally


@dataclass
class Assignment:
    """``name = call(...)``: a candidate for consecutive independent calls."""

    span: Span
    names: tuple[str, ...]
    call_target: str | None
    call_text: str
    reads: frozenset[str]  # names the call's arguments read
    block: int  # statements in the same block share this id
    index: int  # position of the statement in its block


@dataclass
class Function:
    """A function, method, nested function, or a pseudo-function for module code."""

    qualname: str
    name: str
    module: str
    span: Span
    is_async: bool = False
    is_generator: bool = False
    class_qualname: str | None = None
    parent: str | None = None
    params: tuple[str, ...] = ()
    decorators: list[Decorator] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    param_calls: list[tuple[str, str, Span]] = field(default_factory=list)
    fan_outs: list[FanOut] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    returns_inner: tuple[str, ...] = ()
    patches: list[Patch] = field(default_factory=list)
    boundary: str | None = None  # why it cannot become async
    framework: str | None = None  # flask-view, flask-handler, pytest-test, pytest-fixture
    memoised: str | None = None


@dataclass
class ModuleFacts:
    """Everything the project-wide passes need to know about one module."""

    module: str
    path: str
    is_package: bool
    imports: dict[str, str]  # local name -> qualified name
    defs: dict[str, str]  # top-level name -> qualified name (functions and classes)
    classes: dict[str, list[str]]  # class qualname -> base class qualnames (resolved)
    functions: dict[str, Function]
    typed_names: dict[str, str]  # module global -> type (catalogue object or project class)
    is_test_file: bool = False
    # pytest fixtures defined at the top level -> the type of object they give.
    fixture_types: dict[str, str] = field(default_factory=dict)


# A test's parameter is a pytest fixture, maybe from a conftest.py: its type is
# looked up project-wide by the graph (``<fixture>.api.get`` -> ``Client.get``).
FIXTURE_PREFIX = "<fixture>."


def _span(node: ast.AST) -> Span:
    return Span(
        getattr(node, "lineno", 0),
        getattr(node, "col_offset", 0),
        getattr(node, "end_lineno", 0) or 0,
        getattr(node, "end_col_offset", 0) or 0,
    )


def dotted(node: ast.AST) -> list[str] | None:
    """``a.b.c`` as ``["a", "b", "c"]``; None for anything that isn't a name chain."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def expr_text(node: ast.AST) -> str:
    parts = dotted(node)
    if parts is not None:
        return ".".join(parts)
    if isinstance(node, ast.Call):
        return expr_text(node.func) + "()"
    if isinstance(node, ast.Attribute):
        return expr_text(node.value) + "." + node.attr
    return type(node).__name__.lower()


def resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    """Absolute name of ``from <dots><target> import``."""
    package = module if is_package else module.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    if target:
        return f"{package}.{target}" if package else target
    return package


class _Scope:
    def __init__(self, function: Function | None, class_qualname: str | None) -> None:
        self.function = function
        self.class_qualname = class_qualname
        self.params: set[str] = set(function.params) if function else set()
        self.local_types: dict[str, str] = {}
        self.local_defs: dict[str, str] = {}


class ModuleAnalyser(ast.NodeVisitor):
    """Walks one module and fills a :class:`ModuleFacts`."""

    def __init__(self, module: str, path: str, is_package: bool) -> None:
        self.facts = ModuleFacts(
            module=module,
            path=path,
            is_package=is_package,
            imports={},
            defs={},
            classes={},
            functions={},
            typed_names={},
            is_test_file=_is_test_path(path),
        )
        self.class_attr_types: dict[str, dict[str, str]] = {}
        # Top-level functions that make an object of a tracked type (``make_client()``).
        self.return_types: dict[str, str] = {}
        self.scopes: list[_Scope] = []
        self.lambda_depth = 0
        self.block_counter = 0
        module_fn = Function(f"{module}.<module>", "<module>", module, Span(1, 0, 1, 0))
        module_fn.boundary = "module-level"
        self.facts.functions[module_fn.qualname] = module_fn
        self.module_fn = module_fn

    # -- entry point ---------------------------------------------------------

    def analyse(self, tree: ast.Module) -> ModuleFacts:
        self._collect_top_level(tree)
        self.scopes.append(_Scope(self.module_fn, None))
        self._visit_block(tree.body)
        self.scopes.pop()
        return self.facts

    # -- first pass: names defined at the top level --------------------------

    def _collect_top_level(self, tree: ast.Module) -> None:
        module = self.facts.module
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.facts.imports[alias.asname] = alias.name
                    else:
                        head = alias.name.split(".")[0]
                        self.facts.imports[head] = head
            elif isinstance(node, ast.ImportFrom):
                base = (
                    resolve_relative(module, self.facts.is_package, node.level, node.module)
                    if node.level
                    else (node.module or "")
                )
                for alias in node.names:
                    if alias.name == "*":
                        continue
                    self.facts.imports[alias.asname or alias.name] = f"{base}.{alias.name}"
        for stmt in tree.body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                self.facts.defs[stmt.name] = f"{module}.{stmt.name}"
        # Globals that hold blocking objects or project instances.
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target = stmt.targets[0]
                if isinstance(target, ast.Name) and isinstance(stmt.value, ast.Call):
                    typ = self._type_of_call(stmt.value, None)
                    if typ:
                        self.facts.typed_names[target.id] = typ
            elif (
                isinstance(stmt, ast.AnnAssign)
                and isinstance(stmt.target, ast.Name)
                and isinstance(stmt.value, ast.Call)
            ):
                typ = self._type_of_call(stmt.value, None)
                if typ:
                    self.facts.typed_names[stmt.target.id] = typ
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                self._collect_class_attrs(node)
        for stmt in tree.body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                typ = self._returned_type(stmt)
                if typ:
                    self.return_types[f"{module}.{stmt.name}"] = typ
                    if any(_is_fixture_decorator(d) for d in stmt.decorator_list):
                        self.facts.fixture_types[stmt.name] = typ

    def _annotation_type(self, node: ast.expr | None) -> str | None:
        """The project class (or catalogue type) an annotation names, if plainly one."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                node = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return None
        if node is None or dotted(node) is None:
            return None
        name = self.resolve(node)
        if not name or name.startswith("builtins."):
            return None
        if name in CONSTRUCTORS.values():
            return name
        last = name.rsplit(".", 1)[-1]
        return name if last[:1].isupper() and not last.isupper() else None

    def _returned_type(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
        """What a factory function gives: its annotation, or what every return makes."""
        saved, self.scopes = self.scopes, []
        try:
            typ = self._annotation_type(node.returns)
            if typ:
                return typ
            found: set[str | None] = set()
            for sub in ast.walk(node):
                if isinstance(sub, ast.Return | ast.Yield) and sub.value is not None:
                    value = sub.value
                    found.add(
                        self._type_of_call(value, None) if isinstance(value, ast.Call) else None
                    )
            made = found.pop() if len(found) == 1 else None
            # Project classes only: a helper returning a catalogue object
            # (``sqlite3.connect()``) is already seen as blocking where it is called.
            return made if made not in CONSTRUCTORS.values() else None
        finally:
            self.scopes = saved

    def _collect_class_attrs(self, node: ast.ClassDef) -> None:
        attrs: dict[str, str] = {}
        for stmt in node.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
                for target in stmt.targets:
                    if isinstance(target, ast.Name):
                        typ = self._type_of_call(stmt.value, None)
                        if typ:
                            attrs[target.id] = typ
        for sub in ast.walk(node):
            if isinstance(sub, ast.Assign) and isinstance(sub.value, ast.Call):
                for target in sub.targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id in ("self", "cls")
                    ):
                        typ = self._type_of_call(sub.value, None)
                        if typ:
                            attrs[target.attr] = typ
        self.class_attr_types[node.name] = attrs

    # -- resolution ------------------------------------------------------------

    def resolve(self, node: ast.AST) -> str | None:
        """Qualified name of a name chain, as far as this module can tell."""
        if isinstance(node, ast.Call):
            # ``requests.Session().get``: the type made by the inner call.
            return self._type_of_call(node, self.scopes[-1] if self.scopes else None)
        if isinstance(node, ast.Attribute) and not isinstance(node.value, ast.Name | ast.Attribute):
            base = self.resolve(node.value)
            return f"{base}.{node.attr}" if base else None
        parts = dotted(node)
        if not parts:
            return None
        return self._resolve_parts(parts)

    def callee_target(self, call: ast.Call) -> str | None:
        """What a call calls, seeing through a bridge: ``async_to_sync(f)(x)`` calls f."""
        inner = call.func
        if isinstance(inner, ast.Call) and len(inner.args) >= 1:
            if self.resolve(inner.func) in BRIDGES:
                return self.resolve(inner.args[0])
        return self.resolve(call.func)

    def _resolve_parts(self, parts: list[str]) -> str | None:
        head, rest = parts[0], parts[1:]

        def join(base: str, tail: list[str]) -> str:
            return ".".join([base, *tail])

        for scope in reversed(self.scopes):
            if head in ("self", "cls") and scope.class_qualname and scope.function:
                class_name = scope.class_qualname.rsplit(".", 1)[-1]
                attrs = self.class_attr_types.get(class_name, {})
                if rest and rest[0] in attrs:
                    return join(attrs[rest[0]], rest[1:])
                return join(scope.class_qualname, rest)
            if head in scope.local_types:
                return join(scope.local_types[head], rest)
            if head in scope.local_defs:
                return join(scope.local_defs[head], rest)
            if head in scope.params:
                return None
            if scope.function is not None and scope.function.name == "<module>":
                break
        if head in self.facts.typed_names:
            return join(self.facts.typed_names[head], rest)
        if head in self.facts.defs:
            return join(self.facts.defs[head], rest)
        if head in self.facts.imports:
            return join(self.facts.imports[head], rest)
        if head in BUILTIN_NAMES:
            return join(f"builtins.{head}", rest)
        return None

    def _type_of_call(self, call: ast.Call, scope: _Scope | None) -> str | None:
        """The type of object a call makes, when it is one we track."""
        saved = self.scopes
        if scope is None:
            self.scopes = []
        try:
            name = self.resolve(call.func)
        finally:
            self.scopes = saved
        if name is None:
            return None
        if name in CONSTRUCTORS:
            return CONSTRUCTORS[name]
        if name in self.return_types:
            return self.return_types[name]
        last = name.rsplit(".", 1)[-1]
        if name.startswith(("builtins.",)):
            return None
        # A call of a CapitalisedName makes an instance of that class.
        if last[:1].isupper() and not last.isupper():
            return name
        return None

    # -- second pass: functions, calls, references -----------------------------

    def _visit_block(self, body: list[ast.stmt]) -> None:
        self.block_counter += 1
        block = self.block_counter
        for index, stmt in enumerate(body):
            self._note_assignment(stmt, block, index)
            self.visit(stmt)

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
                span=_span(stmt),
                names=names,
                call_target=self.callee_target(value),
                call_text=expr_text(value.func),
                reads=reads,
                block=block,
                index=index,
            )
        )

    def generic_visit(self, node: ast.AST) -> None:
        for fieldname, value in ast.iter_fields(node):
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
        self.facts.classes[qualname] = [b for b in (self.resolve(base) for base in node.bases) if b]
        for decorator in node.decorator_list:
            self.visit(decorator)
        scope = _Scope(None, qualname)
        scope.local_types = outer.local_types
        self.scopes.append(scope)
        self._visit_block(node.body)
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

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, is_async: bool) -> None:
        outer = self.scopes[-1]
        class_qualname = outer.class_qualname if outer.function is None else None
        qualname = f"{self._prefix()}.{node.name}"
        args = node.args
        params = tuple(
            a.arg
            for a in (
                *args.posonlyargs,
                *args.args,
                *args.kwonlyargs,
                *(x for x in (args.vararg, args.kwarg) if x is not None),
            )
        )
        parent = (
            outer.function.qualname
            if outer.function and outer.function.name != "<module>"
            else None
        )
        fn = Function(
            qualname=qualname,
            name=node.name,
            module=self.facts.module,
            span=_span(node),
            is_async=is_async,
            is_generator=_is_generator(node),
            class_qualname=class_qualname,
            parent=parent,
            params=params,
        )
        self.facts.functions[qualname] = fn
        if outer.function is not None and outer.function.name != "<module>":
            outer.local_defs[node.name] = qualname

        # Decorators are evaluated in the enclosing scope.
        for decorator in node.decorator_list:
            is_call = isinstance(decorator, ast.Call)
            callee = decorator.func if isinstance(decorator, ast.Call) else decorator
            fn.decorators.append(
                Decorator(_span(decorator), self.resolve(callee), expr_text(callee), is_call)
            )
            self.visit(decorator)
        for default in (*args.defaults, *[d for d in args.kw_defaults if d is not None]):
            self.visit(default)
        self._classify(fn, node)

        # A method's scope knows its class, so ``self.x`` / ``cls.x`` resolve.
        scope = _Scope(fn, class_qualname)
        self._param_types(fn, node, scope)
        self.scopes.append(scope)
        self._visit_block(node.body)
        self.scopes.pop()
        fn.returns_inner = tuple(
            sorted(
                scope.local_defs[r.value.id]
                for r in ast.walk(node)
                if isinstance(r, ast.Return)
                and isinstance(r.value, ast.Name)
                and r.value.id in scope.local_defs
            )
        )

    def _param_types(
        self, fn: Function, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: _Scope
    ) -> None:
        """Parameters whose type is known: annotated, or a pytest fixture of a test."""
        args = node.args
        for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
            typ = self._annotation_type(arg.annotation)
            if typ:
                scope.local_types[arg.arg] = typ
            elif fn.framework in ("pytest-test", "pytest-fixture") and arg.arg not in (
                "self",
                "cls",
            ):
                scope.local_types[arg.arg] = self.facts.fixture_types.get(
                    arg.arg, FIXTURE_PREFIX + arg.arg
                )

    def _classify(self, fn: Function, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        name = fn.name
        for deco in fn.decorators:
            last = deco.text.rsplit(".", 1)[-1]
            target = deco.target or ""
            if deco.text in (
                "property",
                "functools.cached_property",
                "cached_property",
            ) or last in (
                "setter",
                "getter",
                "deleter",
            ):
                fn.boundary = "property"
            if target in MEMOISERS or deco.text in ("lru_cache", "cache"):
                fn.memoised = deco.text
            if "." in deco.text and last in FLASK_ROUTE_METHODS and deco.is_call:
                fn.framework = "flask-view"
            elif last in FLASK_HANDLER_DECORATORS:
                fn.framework = "flask-handler"
            elif last in ("command", "group") and (
                "click" in deco.text
                or ".cli" in deco.text
                or (deco.target and deco.target.startswith("click."))
            ):
                fn.boundary = "click-command"
            elif target in FIXTURE_DECORATORS or deco.text in ("pytest.fixture", "fixture"):
                fn.framework = "pytest-fixture"
        if name.startswith("__") and name.endswith("__") and not fn.is_async:
            fn.boundary = fn.boundary or "dunder"
        if self.facts.is_test_file and name.startswith("test") and fn.parent is None:
            fn.framework = fn.framework or "pytest-test"

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.lambda_depth += 1
        self.generic_visit(node)
        self.lambda_depth -= 1

    def visit_If(self, node: ast.If) -> None:
        if _is_main_guard(node) and self.scopes[-1].function is self.module_fn:
            main_fn = Function(
                f"{self.facts.module}.<main>", "<main>", self.facts.module, _span(node)
            )
            main_fn.boundary = "__main__"
            self.facts.functions[main_fn.qualname] = main_fn
            self.visit(node.test)
            self.scopes.append(_Scope(main_fn, None))
            self._visit_block(node.body)
            self.scopes.pop()
            self._visit_block(node.orelse)
            return
        self.generic_visit(node)

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            if isinstance(item.optional_vars, ast.Name) and isinstance(item.context_expr, ast.Call):
                typ = self._type_of_call(item.context_expr, self.scopes[-1])
                if typ:
                    self.scopes[-1].local_types[item.optional_vars.id] = typ
        self.generic_visit(node)

    visit_AsyncWith = visit_With

    def visit_Assign(self, node: ast.Assign) -> None:
        scope = self.scopes[-1]
        if scope.function is not self.module_fn and isinstance(node.value, ast.Call):
            typ = self._type_of_call(node.value, scope)
            for target in node.targets:
                if isinstance(target, ast.Name):
                    if typ:
                        scope.local_types[target.id] = typ
                    else:
                        scope.local_types.pop(target.id, None)
        self.generic_visit(node)

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        fn = self.scopes[-1].function
        if fn is not None:
            fan_out = _loop_fan_out(node, self)
            if fan_out:
                fn.fan_outs.append(fan_out)
        self.generic_visit(node)

    visit_AsyncFor = visit_For

    def _comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp
    ) -> None:
        fn = self.scopes[-1].function
        if fn is not None and not isinstance(node, ast.GeneratorExp):
            fan_out = _comprehension_fan_out(node, self)
            if fan_out:
                fn.fan_outs.append(fan_out)
        self.generic_visit(node)

    visit_ListComp = _comprehension
    visit_SetComp = _comprehension
    visit_DictComp = _comprehension
    visit_GeneratorExp = _comprehension

    def visit_Call(self, node: ast.Call) -> None:
        self._record_call(node)
        self.generic_visit(node)

    def _record_call(self, node: ast.Call) -> None:
        scope = self.scopes[-1]
        fn = scope.function
        if fn is None:
            # Class body code runs at import time, like module code.
            fn = self.module_fn
        target = self.resolve(node.func)
        parent = getattr(node, "_migrate_parent", None)
        call = Call(
            span=_span(node),
            target=target,
            text=expr_text(node.func),
            awaited=isinstance(parent, ast.Await),
            in_lambda=self.lambda_depth > 0,
            iterated=bool(getattr(node, "_migrate_iterated", False)),
            arg_of=getattr(node, "_migrate_arg_of", None),
        )
        fan_out_kind = _map_kind(target)
        if fan_out_kind and len(node.args) == 2 and not node.keywords:
            # map(f, xs) / executor.map(f, xs): one call of f per item.
            fn.fan_outs.append(
                FanOut(
                    kind=fan_out_kind,
                    span=_span(node),
                    call_target=self.resolve(node.args[0]),
                    call_text=expr_text(node.args[0]),
                    loop_var=None,
                    iter_text=expr_text(node.args[1]),
                    result_name=None,
                    shape="list",
                )
            )
        if target and target.endswith(".request") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                call.http_verb = first.value.upper()
        fn.calls.append(call)
        if call.text == "monkeypatch.setattr":
            self._note_patch(fn, node)

        # Calls whose result feeds another call, and functions handed over by reference.
        receiver = target or expr_text(node.func)
        receiver_last = receiver.rsplit(".", 1)[-1]
        for arg in node.args:
            self._note_argument(arg, receiver, None, receiver_last, node)
        for kw in node.keywords:
            self._note_argument(kw.value, receiver, kw.arg, receiver_last, node)

        # Calls of an enclosing function's parameter: the decorator wrapper pattern.
        if isinstance(node.func, ast.Name):
            for outer in reversed(self.scopes):
                if outer.function is None or outer.function is self.module_fn:
                    break
                if node.func.id in outer.params and outer.function is not fn:
                    fn.param_calls.append((outer.function.qualname, node.func.id, _span(node)))
                    break
                if node.func.id in outer.params:
                    break

    def _note_patch(self, fn: Function, node: ast.Call) -> None:
        args = list(node.args)
        if len(args) == 2 and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
            target: str | None = args[0].value
            value = args[1]
        elif (
            len(args) >= 3 and isinstance(args[1], ast.Constant) and isinstance(args[1].value, str)
        ):
            owner = self.resolve(args[0])
            target = f"{owner}.{args[1].value}" if owner else None
            value = args[2]
        else:
            return
        is_lambda = isinstance(value, ast.Lambda)
        fake = self.resolve(value) if isinstance(value, ast.Name) else None
        fn.patches.append(Patch(_span(value), target, fake, is_lambda))

    def _note_argument(
        self, arg: ast.expr, receiver: str, keyword: str | None, last: str, call: ast.Call
    ) -> None:
        if isinstance(arg, ast.Starred):
            arg = arg.value
        if isinstance(arg, ast.Call):
            arg._migrate_arg_of = receiver  # type: ignore[attr-defined]
            return
        if isinstance(arg, ast.Name | ast.Attribute):
            target = self.resolve(arg)
            fn = self.scopes[-1].function or self.module_fn
            fn.refs.append(
                Ref(
                    span=_span(arg),
                    target=target,
                    text=expr_text(arg),
                    receiver=receiver,
                    keyword=keyword,
                    in_async_receiver=last in FLASK_ASYNC_RECEIVERS,
                    call_span=_span(call),
                    in_lambda=self.lambda_depth > 0,
                )
            )

    def visit_Await(self, node: ast.Await) -> None:
        node.value._migrate_parent = node  # type: ignore[attr-defined]
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        node.iter._migrate_iterated = True  # type: ignore[attr-defined]
        self.generic_visit(node)


EXECUTORS = (
    "concurrent.futures.ThreadPoolExecutor",
    "concurrent.futures.thread.ThreadPoolExecutor",
)


def _map_kind(target: str | None) -> str | None:
    """ "map" for builtins.map, "executor-map" for a thread pool's map."""
    if target == "builtins.map":
        return "map"
    if target and target.endswith(".map") and target.rsplit(".", 1)[0] in EXECUTORS:
        return "executor-map"
    return None


def _mark_iter(node: ast.For | ast.AsyncFor) -> None:
    node.iter._migrate_iterated = True  # type: ignore[attr-defined]


def _is_generator(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    stack: list[ast.AST] = list(node.body)
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Yield | ast.YieldFrom):
            return True
        if isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        stack.extend(ast.iter_child_nodes(current))
    return False


def _is_main_guard(node: ast.If) -> bool:
    test = node.test
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.comparators) == 1
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


FIXTURE_DECORATORS = ("pytest.fixture", "pytest_asyncio.fixture")


def _is_fixture_decorator(node: ast.expr) -> bool:
    func = node.func if isinstance(node, ast.Call) else node
    parts = dotted(func)
    return parts is not None and parts[-1] == "fixture" and parts[0] in ("pytest", "pytest_asyncio")


def _is_test_path(path: str) -> bool:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def _single_call(node: ast.AST | None) -> ast.Call | None:
    if isinstance(node, ast.Await):
        node = node.value
    return node if isinstance(node, ast.Call) else None


def _loop_fan_out(node: ast.For | ast.AsyncFor, analyser: ModuleAnalyser) -> FanOut | None:
    """``for x in xs: out.append(f(x))`` (or ``out[k] = f(x)``, or via a temp name)."""
    _mark_iter(node)
    if not isinstance(node.target, ast.Name) or node.orelse:
        return None
    body = node.body
    call: ast.Call | None = None
    result_name: str | None = None
    kind = "loop-append"
    shape = "list"
    if len(body) == 2 and isinstance(body[0], ast.Assign):
        # tmp = f(x); out.append(tmp)
        first, second = body[0], body[1]
        tmp = first.targets[0] if len(first.targets) == 1 else None
        call = _single_call(first.value)
        appended = _append_of(second)
        if not (isinstance(tmp, ast.Name) and appended and appended[1] == tmp.id):
            call = None
        else:
            result_name = appended[0]
    elif len(body) == 1:
        stmt = body[0]
        appended_call = _append_call(stmt)
        if appended_call:
            result_name, call = appended_call
        elif (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Subscript)
            and isinstance(stmt.targets[0].value, ast.Name)
        ):
            call = _single_call(stmt.value)
            result_name = stmt.targets[0].value.id
            kind, shape = "loop-dict", "dict"
    if call is None:
        # Not a plain fan-out; still say why when the loop fetches something.
        inner = [n for stmt in body for n in ast.walk(stmt) if isinstance(n, ast.Call)]
        if not inner:
            return None
        reason = _loop_refusal(node)
        return FanOut(
            kind="loop",
            span=_span(node),
            call_target=None,
            call_text="",
            loop_var=node.target.id,
            iter_text=expr_text(node.iter),
            result_name=None,
            shape="list",
            refusal=reason or "the loop body does more than collect one call's result per item",
        )
    return FanOut(
        kind=kind,
        span=_span(node),
        call_target=analyser.callee_target(call),
        call_text=expr_text(call.func),
        loop_var=node.target.id,
        iter_text=expr_text(node.iter),
        result_name=result_name,
        shape=shape,
    )


def _loop_refusal(node: ast.For | ast.AsyncFor) -> str | None:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Break):
            return "the loop can stop early (break)"
        if isinstance(sub, ast.Return):
            return "the loop can return early"
        if isinstance(sub, ast.Continue):
            return "the loop skips items depending on results (continue)"
    return None


def _appended(stmt: ast.stmt) -> tuple[str, ast.expr] | None:
    """``out.append(x)`` -> ("out", <x>)."""
    if (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Call)
        and isinstance(stmt.value.func, ast.Attribute)
        and stmt.value.func.attr == "append"
        and isinstance(stmt.value.func.value, ast.Name)
        and len(stmt.value.args) == 1
    ):
        return stmt.value.func.value.id, stmt.value.args[0]
    return None


def _append_of(stmt: ast.stmt) -> tuple[str, str] | None:
    """``out.append(name)`` -> ("out", "name")."""
    found = _appended(stmt)
    if found and isinstance(found[1], ast.Name):
        return found[0], found[1].id
    return None


def _append_call(stmt: ast.stmt) -> tuple[str, ast.Call] | None:
    """``out.append(f(x))`` -> ("out", <call f(x)>)."""
    found = _appended(stmt)
    if found:
        call = _single_call(found[1])
        if call is not None:
            return found[0], call
    return None


def _comprehension_fan_out(
    node: ast.ListComp | ast.SetComp | ast.DictComp, analyser: ModuleAnalyser
) -> FanOut | None:
    element = node.value if isinstance(node, ast.DictComp) else node.elt
    call = _single_call(element)
    if call is None or len(node.generators) != 1:
        return None
    gen = node.generators[0]
    shape = {ast.ListComp: "list", ast.SetComp: "set", ast.DictComp: "dict"}[type(node)]
    refusal = "the comprehension filters items (if)" if gen.ifs else None
    kind = "comprehension"
    target = analyser.callee_target(call)
    if (
        target
        and target.endswith(".submit")
        and target.rsplit(".", 1)[0] in EXECUTORS
        and call.args
        and shape == "list"
    ):
        # [pool.submit(f, x) for x in xs]: a thread fan-out of f.
        kind = "executor-submit"
        target = analyser.resolve(call.args[0])
    elif shape == "dict" and refusal is None:
        refusal = "dict comprehensions are not rewritten yet (run the calls in a list first)"
    return FanOut(
        kind=kind,
        span=_span(node),
        call_target=target,
        call_text=expr_text(call.func),
        loop_var=gen.target.id if isinstance(gen.target, ast.Name) else None,
        iter_text=expr_text(gen.iter),
        result_name=None,
        shape=shape,
        refusal=refusal,
    )


def analyse_source(text: str, module: str, path: str, is_package: bool) -> ModuleFacts:
    """Facts for one module's source text (raises ``SyntaxError`` on bad input)."""
    tree = ast.parse(text, filename=path)
    return ModuleAnalyser(module, path, is_package).analyse(tree)
