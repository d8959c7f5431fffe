"""MIG011 quart: a Flask app whose views are async becomes a Quart app.

``migrate apply --to quart`` runs this rule alone, after the asyncio stage.
Imports move from ``flask`` to ``quart`` (``Flask`` -> ``Quart``); what Quart
made awaitable is awaited (``request.get_json()``, ``request.form``,
``render_template(...)``, ``make_response``, ``send_file``...), and a view or
hook that now awaits becomes ``async def`` (other sync views stay sync: Quart
runs them in a thread). Generators streamed with ``stream_with_context``
become async generators, and asgiref bridges inside them and in async code
go (one event loop serves every request). A module-level client that was
one per event loop becomes one per process, opened in ``before_serving`` and
closed in ``after_serving`` by the app factory. Click commands that called
async code through a bridge run it with ``asyncio.run`` in the app's context,
with its serving hooks; app-context setup in sync code runs on a loop of its
own, also where the server calls the factory on its running loop. The
process-wide client keeps a pool per origin, holding every connection it
opens. Tests' client calls and response bodies are awaited.

The module is long because the stage is one pass over a whole Flask module:
the scan that decides which functions become async must see the module
before anything is rewritten, and the rewrites (imports, awaits, streamed
generators, app-context blocks, click commands, the client's lifetime, the
factory's hooks, tests) share what it found. Splitting it by those parts is
the next step.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from ...analyse.catalogue import HTTP_VERBS
from ...analyse.quart import PER_LOOP_CLIENT_CLASSES, SharedClient
from ...plan.edits import QuartEdits
from ..context import RuleContext
from ..nodes import append_arg, keyword_arg
from .base import Rule, on_leave

#: flask modules and their Quart twins.
MODULES = {
    "flask": "quart",
    "flask.cli": "quart.cli",
    "flask.typing": "quart.typing",
    "flask.views": "quart.views",
    "flask.json": "quart.json",
    "flask.testing": "quart.testing",
    "flask.helpers": "quart.helpers",
}
#: Names that change with the module.
RENAMES = {"Flask": "Quart", "FlaskClient": "QuartClient"}
#: Functions Quart made coroutines (called by their flask name).
AWAITABLE_FUNCTIONS = frozenset(
    {
        "render_template",
        "render_template_string",
        "make_response",
        "send_file",
        "send_from_directory",
    }
)
#: ``request.<method>()`` that Quart made coroutines.
AWAITABLE_REQUEST_METHODS = frozenset({"get_json", "get_data"})
#: ``request.<attribute>`` that Quart made awaitables.
AWAITABLE_REQUEST_ATTRIBUTES = frozenset({"data", "form", "files", "values"})
#: Decorators that make a function a view or a hook: Quart awaits it.
VIEW_DECORATORS = frozenset(
    {
        "route",
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "before_request",
        "after_request",
        "teardown_request",
        "teardown_appcontext",
        "errorhandler",
        "app_errorhandler",
        "before_app_request",
        "after_app_request",
        "before_serving",
        "after_serving",
    }
)
#: Test client methods that Quart made coroutines: one per HTTP verb, and ``open``.
CLIENT_METHODS = frozenset({*HTTP_VERBS, "open"})
#: Settings of the client that belong to its transport: they move into the
#: process-wide client's ``PoolPerOrigin`` (``trust_env`` also stays on the client,
#: where it governs proxies from the environment).
TRANSPORT_SETTINGS = ("verify", "cert", "trust_env", "http1", "http2")
#: A client made with one of these brings its own pools: it keeps them.
OWN_POOLS = frozenset({"transport", "mounts", "limits", "proxy", "proxies", "app"})
#: What a Quart test response makes awaitable: attribute -> the call that replaces it.
RESPONSE_BODY = {"json": "get_json()", "data": "get_data()", "text": "get_data(as_text=True)"}


def _name(node: cst.BaseExpression) -> str | None:
    return node.value if isinstance(node, cst.Name) else None


def _keyword(arg: cst.Arg) -> str | None:
    return arg.keyword.value if arg.keyword is not None else None


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = _dotted(node.value)
        return f"{head}.{node.attr.value}" if head else ""
    return ""


def _decorator_name(decorator: cst.Decorator) -> str:
    target = decorator.decorator
    if isinstance(target, cst.Call):
        target = target.func
    if isinstance(target, cst.Attribute):
        return target.attr.value
    return _name(target) or ""


def _is_bridge(call: cst.Call) -> bool:
    """``async_to_sync(f)(...)``."""
    return (
        isinstance(call.func, cst.Call)
        and _dotted(call.func.func) in ("async_to_sync", "asgiref.sync.async_to_sync")
        and len(call.func.args) == 1
    )


class _Scan(cst.CSTVisitor):
    """Which functions must become async, before anything is rewritten."""

    def __init__(self, flask_names: dict[str, str], test_clients: frozenset[str]) -> None:
        super().__init__()
        self.flask_names = flask_names
        self.test_clients = test_clients
        self.stack: list[cst.FunctionDef] = []
        self.needs_await: set[cst.FunctionDef] = set()
        self.streamed: set[str] = set()
        self.generators: set[cst.FunctionDef] = set()
        self.bridged: set[cst.FunctionDef] = set()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.stack.append(node)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.stack.pop()

    def _mark(self) -> None:
        if self.stack:
            self.needs_await.add(self.stack[-1])

    def visit_Yield(self, node: cst.Yield) -> None:
        if self.stack:
            self.generators.add(self.stack[-1])

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if _is_bridge(node) and self.stack:
            self.bridged.add(self.stack[-1])
        if isinstance(func, cst.Name) and self.flask_names.get(func.value) in AWAITABLE_FUNCTIONS:
            self._mark()
        if isinstance(func, cst.Name) and self.flask_names.get(func.value) == "stream_with_context":
            if node.args and isinstance(node.args[0].value, cst.Call):
                inner = _name(node.args[0].value.func)
                if inner:
                    self.streamed.add(inner)
        if isinstance(func, cst.Attribute) and self._is_request(func.value):
            if func.attr.value in AWAITABLE_REQUEST_METHODS:
                self._mark()
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value in CLIENT_METHODS
            and _name(func.value) in self.test_clients
        ):
            self._mark()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if self._is_request(node.value) and node.attr.value in AWAITABLE_REQUEST_ATTRIBUTES:
            self._mark()

    def _is_request(self, node: cst.BaseExpression) -> bool:
        return isinstance(node, cst.Name) and self.flask_names.get(node.value) == "request"


class QuartStage(Rule):
    code = "MIG011"
    name = "quart"
    summary = "Flask -> Quart: imports, awaited request/response APIs, ASGI client lifetime"

    @on_leave(cst.Module)
    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        edits = self.ctx.edits.quart
        if edits is None:
            return updated
        flask_names = _flask_names(updated)
        test_clients = frozenset(edits.client_fixtures)
        scan = _Scan(flask_names, test_clients)
        updated.visit(scan)
        transformer = _QuartTransformer(self, edits, flask_names, scan)
        return updated.visit(transformer)


def _flask_names(module: cst.Module) -> dict[str, str]:
    """Local name -> flask name, for names imported from flask's modules."""
    names: dict[str, str] = {}
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if (
                isinstance(small, cst.ImportFrom)
                and small.module is not None
                and small.relative == ()
                and _dotted(small.module) in MODULES
                and not isinstance(small.names, cst.ImportStar)
            ):
                for alias in small.names:
                    real = _dotted(alias.name)
                    local = _name(alias.asname.name) if alias.asname else real
                    if local:
                        names[local] = real
    return names


def _imported_names(module: cst.Module) -> dict[str, tuple[str, str | None]]:
    """Name bound by a top-level import -> (module, object) as ``maybe_remove_import``
    takes them."""
    names: dict[str, tuple[str, str | None]] = {}
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    bound = _name(alias.asname.name) if alias.asname else None
                    module_name = _dotted(alias.name)
                    names[bound or module_name.split(".")[0]] = (module_name, None)
            elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                source = _dotted(small.module) if small.module is not None else ""
                for alias in small.names:
                    real = _dotted(alias.name)
                    bound = _name(alias.asname.name) if alias.asname else None
                    names[bound or real] = (source, real)
    return names


class _NamesUsed(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)


class _QuartTransformer(cst.CSTTransformer):
    def __init__(
        self, rule: QuartStage, edits: QuartEdits, flask_names: dict[str, str], scan: _Scan
    ) -> None:
        super().__init__()
        self.rule = rule
        self.ctx = rule.ctx
        self.edits = edits
        self.flask_names = flask_names
        self.scan = scan
        # Per function: does it end up async?
        self.async_stack: list[bool] = []
        self.responses: list[set[str]] = []
        self.removed_bridge = False
        self.functions: list[str] = []
        self.imports: dict[str, tuple[str, str | None]] = {}

    def visit_Module(self, node: cst.Module) -> None:
        self.imports = _imported_names(node)

    # -- helpers -------------------------------------------------------------

    @property
    def in_async(self) -> bool:
        return bool(self.async_stack) and self.async_stack[-1]

    def _note(self, message: str) -> None:
        self.ctx.note(self.rule.code, 0, message)

    def _becomes_async(self, node: cst.FunctionDef) -> bool:
        if node.asynchronous is not None:
            return True
        if node in self.scan.generators and (
            node.name.value in self.scan.streamed or node in self.scan.bridged
        ):
            return True
        if node not in self.scan.needs_await:
            return False
        is_view = any(_decorator_name(d) in VIEW_DECORATORS for d in node.decorators)
        is_test = node.name.value.startswith("test")
        return is_view or is_test

    # -- imports -------------------------------------------------------------

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom:
        if updated_node.module is None or updated_node.relative:
            return updated_node
        twin = MODULES.get(_dotted(updated_node.module))
        if twin is None:
            return updated_node
        names = updated_node.names
        if not isinstance(names, cst.ImportStar):
            names = [
                alias.with_changes(name=cst.Name(RENAMES[alias.name.value]))
                if isinstance(alias.name, cst.Name) and alias.name.value in RENAMES
                else alias
                for alias in names
            ]
        module = cst.parse_expression(twin)
        assert isinstance(module, cst.Attribute | cst.Name)
        return updated_node.with_changes(module=module, names=names)

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        aliases = [
            alias.with_changes(name=cst.parse_expression(MODULES[_dotted(alias.name)]))
            if _dotted(alias.name) in MODULES
            else alias
            for alias in updated_node.names
        ]
        return updated_node.with_changes(names=aliases)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        real = self.flask_names.get(updated_node.value)
        if real in RENAMES and updated_node.value == real:
            return updated_node.with_changes(value=RENAMES[real])
        return updated_node

    def leave_Subscript(
        self, original_node: cst.Subscript, updated_node: cst.Subscript
    ) -> cst.BaseExpression:
        return _primary(updated_node)

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        updated = _primary(updated_node)
        if not isinstance(updated, cst.Attribute):
            return updated
        updated_node = updated
        if _dotted(updated_node.value) == "flask":
            attr = RENAMES.get(updated_node.attr.value, updated_node.attr.value)
            return cst.Attribute(value=cst.Name("quart"), attr=cst.Name(attr))
        attr = updated_node.attr.value
        if (
            self.in_async
            and _name(updated_node.value) is not None
            and self.flask_names.get(_name(updated_node.value) or "") == "request"
            and attr in AWAITABLE_REQUEST_ATTRIBUTES
        ):
            # Bare: the attribute, subscript or call it is the primary of brackets it.
            return cst.Await(expression=updated_node)
        if self.in_async and self.responses and _name(updated_node.value) in self.responses[-1]:
            replacement = RESPONSE_BODY.get(attr)
            if replacement:
                call = cst.parse_expression(f"{_name(updated_node.value)}.{replacement}")
                return cst.Await(expression=call)
        return updated_node

    # -- functions -----------------------------------------------------------

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.async_stack.append(self._becomes_async(node))
        self.responses.append(set())
        self.functions.append(node.name.value)

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        becomes_async = self.async_stack.pop()
        self.responses.pop()
        self.functions.pop()
        if becomes_async and updated_node.asynchronous is None:
            updated_node = updated_node.with_changes(asynchronous=cst.Asynchronous())
            if original_node in self.scan.generators:
                updated_node = _async_generator_annotation(updated_node, self.ctx)
            if original_node.name.value.startswith("test") and self.ctx.options.asyncio_mode != (
                "auto"
            ):
                mark = cst.Decorator(decorator=cst.parse_expression("pytest.mark.asyncio"))
                updated_node = updated_node.with_changes(
                    decorators=[mark, *updated_node.decorators]
                )
                self.ctx.add_import("pytest")
            self._note(f"{original_node.name.value} made async")
        elif original_node in self.scan.needs_await and not becomes_async:
            updated_node = _with_todo(
                updated_node,
                f"{original_node.name.value} uses what Quart made awaitable;"
                " make it async and await it",
            )
        if self.scan.bridged and original_node in self.scan.bridged and not becomes_async:
            if any(_decorator_name(d) == "with_appcontext" for d in updated_node.decorators):
                updated_node = self._command(updated_node)
        return updated_node

    def _command(self, node: cst.FunctionDef) -> cst.FunctionDef:
        """A click command that ran async code through a bridge: ``asyncio.run`` it in the
        app's context, with the app's serving hooks (they open the shared clients)."""
        statements = [s for s in node.body.body if isinstance(s, cst.BaseStatement)]
        kept: list[cst.BaseStatement] = []
        if node.get_docstring(clean=False) is not None:
            kept, statements = statements[:1], statements[1:]
        body = _unwind_text(cst.Module(body=statements).code)  # type: ignore[arg-type]
        inner = "async with app.app_context():\n" + _indent(body)
        text = (
            "async def run() -> None:\n"
            "    app = info.load_app()\n"
            "    await app.startup()\n"
            "    try:\n"
            f"{_indent(inner, 8)}"
            "    finally:\n"
            "        await app.shutdown()\n"
        )
        blank = [cst.EmptyLine(indent=False)]
        run = cst.parse_statement(text).with_changes(leading_lines=blank if kept else [])
        kept += [
            run,
            cst.parse_statement("asyncio.run(run())").with_changes(leading_lines=blank),
        ]
        decorators = [
            d.with_changes(decorator=cst.Name("pass_script_info"))
            if _decorator_name(d) == "with_appcontext"
            else d
            for d in node.decorators
        ]
        info = cst.Param(name=cst.Name("info"), annotation=cst.Annotation(cst.Name("ScriptInfo")))
        params = node.params.with_changes(params=[info, *node.params.params])
        self.ctx.add_import("asyncio")
        self.ctx.add_import("quart.cli", "ScriptInfo")
        self.ctx.add_import("quart.cli", "pass_script_info")
        self.ctx.maybe_remove_import("quart.cli", "with_appcontext")
        self.ctx.maybe_remove_import("asgiref.sync", "async_to_sync")
        self._note(f"{node.name.value}: async work runs with asyncio.run in the app context")
        return node.with_changes(
            decorators=decorators,
            params=params,
            body=node.body.with_changes(body=kept),
        )

    # -- calls ---------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        updated = _primary(updated_node)
        assert isinstance(updated, cst.Call)
        updated_node = updated
        func = updated_node.func
        # stream_with_context(gen(args)) -> stream_with_context(gen)(args): Quart's
        # takes the generator function.
        if (
            isinstance(func, cst.Name)
            and self.flask_names.get(func.value) == "stream_with_context"
            and len(updated_node.args) == 1
            and isinstance(updated_node.args[0].value, cst.Call)
        ):
            inner = updated_node.args[0].value
            wrapped = updated_node.with_changes(args=[cst.Arg(inner.func)])
            return inner.with_changes(func=wrapped)
        if _is_bridge(updated_node) and self.in_async:
            assert isinstance(func, cst.Call)
            self.ctx.maybe_remove_import("asgiref.sync", "async_to_sync")
            self._note("async_to_sync bridge removed")
            return cst.Await(expression=updated_node.with_changes(func=func.args[0].value))
        if _dotted(func) == "sqlite3.connect" and not any(
            a.keyword is not None and a.keyword.value == "check_same_thread"
            for a in updated_node.args
        ):
            return _with_keyword(updated_node, "check_same_thread", "False")
        if self._makes_shared_client(updated_node):
            self._note("the process-wide client keeps a pool per origin")
            return self._pool_per_origin(updated_node)
        if isinstance(func, cst.Attribute) and func.attr.value in (
            "open_resource",
            "open_instance_resource",
        ):
            return self._open_resource(updated_node, func)
        if not self.in_async:
            return updated_node
        if isinstance(func, cst.Name) and self.flask_names.get(func.value) in AWAITABLE_FUNCTIONS:
            return cst.Await(expression=updated_node)
        if (
            isinstance(func, cst.Attribute)
            and self.flask_names.get(_name(func.value) or "") == "request"
            and func.attr.value in AWAITABLE_REQUEST_METHODS
        ):
            return cst.Await(expression=updated_node)
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value in CLIENT_METHODS
            and _name(func.value) in self.edits.client_fixtures
        ):
            return cst.Await(expression=updated_node)
        if (
            isinstance(func, cst.Attribute)
            and self.responses
            and _name(func.value) in self.responses[-1]
            and func.attr.value in ("get_json", "get_data")
        ):
            return cst.Await(expression=updated_node)
        return updated_node

    def _makes_shared_client(self, call: cst.Call) -> bool:
        """``httpx.AsyncClient(...)`` with httpx's own pool, in a shared client's factory."""
        return (
            bool(self.functions)
            and any(c.factory == self.functions[-1] for c in self.edits.clients)
            and _dotted(call.func).endswith("AsyncClient")
            and all(a.keyword is not None and a.keyword.value not in OWN_POOLS for a in call.args)
        )

    def _pool_per_origin(self, call: cst.Call) -> cst.Call:
        """``transport=PoolPerOrigin(...)`` with the client's transport settings.

        One client serves every request of the process at once, so its pool
        holds the connections of every upstream at their busiest, and httpcore
        checks all of them on each request (see the helper).
        """
        settings = [a for a in call.args if _keyword(a) in TRANSPORT_SETTINGS]
        kept = [a for a in call.args if a not in settings or _keyword(a) == "trust_env"]
        transport = cst.Call(
            cst.Name(self.ctx.use_helper("PoolPerOrigin")),
            args=[a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in settings],
        )
        return call.with_changes(args=append_arg(kept, keyword_arg("transport", transport)))

    def leave_Await(self, original_node: cst.Await, updated_node: cst.Await) -> cst.BaseExpression:
        # A second run meets what the first already awaited.
        inner = updated_node.expression
        if isinstance(inner, cst.Await):
            return inner.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
        return updated_node

    def _open_resource(self, call: cst.Call, func: cst.Attribute) -> cst.BaseExpression:
        """Quart's ``open_resource`` is a coroutine over aiofiles; sync code opens the
        same file with ``open``."""
        if self.in_async or not call.args:
            return call
        folder = "root_path" if func.attr.value == "open_resource" else "instance_path"
        path = cst.Call(
            func=cst.parse_expression("os.path.join"),
            args=[
                cst.Arg(
                    cst.Attribute(value=func.value, attr=cst.Name(folder)),
                    comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
                ),
                call.args[0].with_changes(comma=cst.MaybeSentinel.DEFAULT),
            ],
        )
        first = call.args[0].with_changes(value=path)
        self.ctx.add_import("os")
        rest = list(call.args[1:])
        modes = [
            i
            for i, a in enumerate(rest)
            if (a.keyword is None and i == 0)
            or (a.keyword is not None and a.keyword.value == "mode")
        ]
        if not modes:
            # Flask opens a resource in binary mode unless told otherwise; open does not.
            rest.insert(0, cst.Arg(cst.SimpleString('"rb"')))
        elif _is_text_read(rest[modes[0]].value):
            del rest[modes[0]]  # open's own default
        args = [first, *rest]
        args = [
            a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
            if i < len(args) - 1
            else a.with_changes(comma=cst.MaybeSentinel.DEFAULT)
            for i, a in enumerate(args)
        ]
        return cst.Call(func=cst.Name("open"), args=args)

    def leave_Assign(
        self, original_node: cst.Assign, updated_node: cst.Assign
    ) -> cst.Assign | cst.AnnAssign:
        value = updated_node.value
        if (
            self.responses
            and isinstance(value, cst.Await)
            and isinstance(value.expression, cst.Call)
            and isinstance(value.expression.func, cst.Attribute)
            and _name(value.expression.func.value) in self.edits.client_fixtures
        ):
            for target in updated_node.targets:
                if isinstance(target.target, cst.Name):
                    self.responses[-1].add(target.target.value)
        return updated_node

    # -- statements ----------------------------------------------------------

    def leave_With(
        self, original_node: cst.With, updated_node: cst.With
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        """``with app.app_context():`` in sync code: Quart's context is async only."""
        if self.in_async or len(updated_node.items) != 1 or updated_node.asynchronous:
            if self.in_async and _is_app_context(updated_node):
                return updated_node.with_changes(asynchronous=cst.Asynchronous())
            return updated_node
        if not _is_app_context(updated_node):
            return updated_node
        inner = updated_node.with_changes(asynchronous=cst.Asynchronous(), leading_lines=[])
        function = cst.FunctionDef(
            name=cst.Name("in_app_context"),
            params=cst.Parameters(),
            body=cst.IndentedBlock(body=[inner]),
            returns=cst.Annotation(cst.Name("None")),
            asynchronous=cst.Asynchronous(),
            leading_lines=[cst.EmptyLine(indent=False), *updated_node.leading_lines],
        )
        # Not asyncio.run: an ASGI server may call the factory on its running loop.
        runner = self.ctx.use_helper("run_coroutine")
        run = cst.parse_statement(f"{runner}(in_app_context())").with_changes(
            leading_lines=[cst.EmptyLine(indent=False)]
        )
        self._note("app context entered on a loop of its own (Quart's is async)")
        return cst.FlattenSentinel([function, run])

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.BaseStatement | cst.RemovalSentinel:
        if any(
            c.class_name == updated_node.name.value and not c.imported_from
            for c in self.edits.clients
        ):
            # What only the class used goes with it.
            used = _NamesUsed()
            original_node.visit(used)
            for name in used.names:
                imported = self.imports.get(name)
                if imported is not None:
                    self.ctx.maybe_remove_import(*imported)
            return cst.RemoveFromParent()
        return updated_node

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        if self.in_async and _yields_from(updated_node):
            small = updated_node.body[0]
            assert isinstance(small, cst.Expr) and isinstance(small.value, cst.Yield)
            assert isinstance(small.value.value, cst.From)
            source = cst.Module(body=[]).code_for_node(small.value.value.item)
            loop = cst.parse_statement(f"for item in {source}:\n    yield item\n")
            return loop.with_changes(leading_lines=updated_node.leading_lines)
        if self.async_stack:
            return self._after_app_made(updated_node)
        for client in self.edits.clients:
            if _assigns(updated_node, client.name):
                if client.imported_from:
                    module = client.imported_from.lstrip(".")
                    self.ctx.maybe_remove_import(module, client.class_name)
                return cst.FlattenSentinel(_process_client(client, updated_node))
        return updated_node

    def _after_app_made(
        self, stmt: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        """In the factory: ``app = Quart(...)`` then the hooks that open the clients."""
        if not self.edits.opened_here or len(stmt.body) != 1:
            return stmt
        small = stmt.body[0]
        if not (
            isinstance(small, cst.Assign)
            and isinstance(small.value, cst.Call)
            and _name(small.value.func) == "Quart"
            and len(small.targets) == 1
        ):
            return stmt
        app = _dotted(small.targets[0].target)
        hooks: list[cst.BaseStatement] = [stmt]
        for client, reference in self.edits.opened_here:
            hooks.append(cst.parse_statement(f"{app}.before_serving({reference}.open_{client})"))
            hooks.append(cst.parse_statement(f"{app}.after_serving({reference}.close_{client})"))
        self._note("shared clients opened in before_serving, closed in after_serving")
        return cst.FlattenSentinel(hooks)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        imports = {reference for _, reference in self.edits.opened_here}
        if not imports:
            return updated_node
        return _import_relative(updated_node, self.edits.relative_imports)


def _yields_from(stmt: cst.SimpleStatementLine) -> bool:
    """``yield from x``: not allowed in an async generator."""
    return (
        len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Expr)
        and isinstance(stmt.body[0].value, cst.Yield)
        and isinstance(stmt.body[0].value.value, cst.From)
    )


def _is_app_context(node: cst.With) -> bool:
    item = node.items[0].item
    return (
        isinstance(item, cst.Call)
        and isinstance(item.func, cst.Attribute)
        and item.func.attr.value == "app_context"
        and node.items[0].asname is None
    )


def _assigns(stmt: cst.SimpleStatementLine, name: str) -> bool:
    return (
        len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Assign)
        and len(stmt.body[0].targets) == 1
        and _name(stmt.body[0].targets[0].target) == name
        and isinstance(stmt.body[0].value, cst.Call)
        and _name(stmt.body[0].value.func) in PER_LOOP_CLIENT_CLASSES
    )


def _process_client(
    client: SharedClient, stmt: cst.SimpleStatementLine
) -> Sequence[cst.BaseStatement]:
    name, factory = client.name, client.factory
    declaration = cst.parse_statement(f"{name}: httpx.AsyncClient").with_changes(
        leading_lines=[
            *stmt.leading_lines,
            cst.EmptyLine(
                comment=cst.Comment(
                    "# One client for the process: Quart serves every request on one event loop."
                )
            ),
        ]
    )
    opener = cst.parse_statement(
        f"async def open_{name}() -> None:\n    global {name}\n    {name} = {factory}()\n"
    ).with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
    closer = cst.parse_statement(
        f"async def close_{name}() -> None:\n    await {name}.aclose()\n"
    ).with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
    return [declaration, opener, closer]


def _import_relative(module: cst.Module, imports: tuple[tuple[str, str], ...]) -> cst.Module:
    """``from <package> import <name>`` (relative), merged into an existing one."""
    body = list(module.body)
    for package, name in imports:
        dots = len(package) - len(package.lstrip("."))
        rest = package.lstrip(".")
        merged = False
        last_import = -1
        for index, stmt in enumerate(body):
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            small = stmt.body[0]
            if isinstance(small, cst.Import | cst.ImportFrom):
                last_import = index
            if (
                isinstance(small, cst.ImportFrom)
                and len(small.relative) == dots
                and (_dotted(small.module) if small.module else "") == rest
                and not isinstance(small.names, cst.ImportStar)
            ):
                names = [a.name.value for a in small.names if isinstance(a.name, cst.Name)]
                if name not in names:
                    new = sorted([*names, name])
                    aliases = [
                        cst.ImportAlias(
                            name=cst.Name(n),
                            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                            if i < len(new) - 1
                            else cst.MaybeSentinel.DEFAULT,
                        )
                        for i, n in enumerate(new)
                    ]
                    body[index] = stmt.with_changes(body=[small.with_changes(names=aliases)])
                merged = True
                break
        if not merged:
            body.insert(last_import + 1, cst.parse_statement(f"from {package} import {name}"))
    return module.with_changes(body=body)


def _async_generator_annotation(node: cst.FunctionDef, ctx: RuleContext) -> cst.FunctionDef:
    returns = node.returns
    if returns is None:
        return node
    annotation = returns.annotation
    if isinstance(annotation, cst.Subscript) and _name(annotation.value) in (
        "Iterator",
        "Iterable",
        "Generator",
    ):
        first = annotation.slice[0]
        new = annotation.with_changes(
            value=cst.Name("AsyncIterator"),
            slice=[first.with_changes(comma=cst.MaybeSentinel.DEFAULT)],
        )
        ctx.add_import("collections.abc", "AsyncIterator")
        ctx.maybe_remove_import("collections.abc", _name(annotation.value))
        return node.with_changes(returns=returns.with_changes(annotation=new))
    return node


def _primary(node: cst.Attribute | cst.Subscript | cst.Call) -> cst.BaseExpression:
    """``(await f()).x``: an await used as a primary needs brackets."""
    inner = node.func if isinstance(node, cst.Call) else node.value
    if isinstance(inner, cst.Await) and not inner.lpar:
        if isinstance(node, cst.Call):
            return node.with_changes(func=_parenthesized(inner))
        return node.with_changes(value=_parenthesized(inner))
    return node


def _parenthesized(expr: cst.Await) -> cst.Await:
    return expr.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def _is_text_read(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.SimpleString) and node.evaluated_value == "r"


def _with_keyword(call: cst.Call, keyword: str, value: str) -> cst.Call:
    arg = cst.Arg(
        keyword=cst.Name(keyword),
        value=cst.parse_expression(value),
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""),
            whitespace_after=cst.SimpleWhitespace(""),
        ),
    )
    args = [*call.args]
    if args:
        args[-1] = args[-1].with_changes(
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
    return call.with_changes(args=[*args, arg])


def _with_todo(node: cst.FunctionDef, message: str) -> cst.FunctionDef:
    comment = cst.EmptyLine(comment=cst.Comment(f"# TODO(migrate MIG011): {message}"))
    return node.with_changes(leading_lines=[*node.leading_lines, comment])


def _indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _unwind_text(code: str) -> str:
    """Bridges in a command body, rewritten as awaits (the body is parsed again)."""
    module = cst.parse_module(code)

    class Unwind(cst.CSTTransformer):
        def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
            if _is_bridge(updated_node):
                assert isinstance(updated_node.func, cst.Call)
                target = updated_node.func.args[0].value
                return cst.Await(expression=updated_node.with_changes(func=target))
            return _primary(updated_node)

        def leave_Attribute(
            self, original_node: cst.Attribute, updated_node: cst.Attribute
        ) -> cst.BaseExpression:
            return _primary(updated_node)

        def leave_Subscript(
            self, original_node: cst.Subscript, updated_node: cst.Subscript
        ) -> cst.BaseExpression:
            return _primary(updated_node)

    new = module.visit(Unwind())
    return new.code
