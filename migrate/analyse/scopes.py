"""Which names a scope binds: the locals that hide a module's names.

Python decides at compile time: a name bound anywhere in a function body is
local in all of it (unless declared ``global`` or ``nonlocal``); a
comprehension's ``for`` targets and a lambda's parameters are local to them.
A local never means the module's function of the same name, whatever it
holds, so name resolution asks here first.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator

from .catalogue import HTTP_VERBS
from .frameworks import BRIDGES, MOCK_RESULT
from .model import BridgeAlias, Function, Span
from .prepared import Prepared
from .tree import child_nodes

_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
Comprehension = ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp


def parameters(args: ast.arguments) -> frozenset[str]:
    """Every parameter name of a function or lambda."""
    every = (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg)
    return frozenset(a.arg for a in every if a is not None)


def ordered_parameters(args: ast.arguments) -> tuple[str, ...]:
    """Every parameter name, in the order of the signature (``*args`` and ``**kw`` last)."""
    every = (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg)
    return tuple(a.arg for a in every if a is not None)


def bound_names(body: list[ast.stmt], imports: bool = False) -> frozenset[str]:
    """Names a function body binds: its locals, which hide module names everywhere in it.

    Assignments, loop, ``with`` and ``except`` targets, nested definitions,
    ``del`` and ``match`` captures; not the names declared ``global`` or
    ``nonlocal``, nor those bound inside nested scopes (only a comprehension's
    ``:=`` binds in the enclosing function). Imports only with ``imports``:
    inside a function the module's import table resolves them, wherever they are.
    """
    names: set[str] = set()
    declared: set[str] = set()
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, _SCOPES):
            if not isinstance(node, ast.Lambda):
                names.add(node.name)
                stack.extend(node.decorator_list)
            continue
        if isinstance(node, Comprehension):
            stack.extend(n.target for n in ast.walk(node) if isinstance(n, ast.NamedExpr))
            continue
        if isinstance(node, ast.Global | ast.Nonlocal):
            declared.update(node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
        elif imports and isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names if a.name != "*")
        stack.extend(child_nodes(node))
    return frozenset(names - declared)


# Builtin and standard types: no project method runs when code calls theirs (``d.get(k)``).
PLAIN_TYPES = frozenset(
    f"{module}.{name}"
    for module, names in (
        ("builtins", "dict list set frozenset tuple str bytes int float"),
        ("typing", "Dict List Set FrozenSet Tuple Mapping MutableMapping Sequence Iterable"),
        ("collections", "OrderedDict defaultdict Counter deque"),
        ("collections.abc", "Mapping MutableMapping Sequence"),
    )
    for name in names.split()
)


def plain_names(
    body: list[ast.stmt], plain_value: Callable[[ast.expr], bool], params: frozenset[str]
) -> frozenset[str]:
    """Names that hold only plain values (literals, builtin containers, ``os.environ``)
    in a body: ``params`` (annotated with such a type) and the names it binds, as long
    as every binding is an assignment of a value ``plain_value`` accepts."""
    plain: set[str] = set(params)
    other: set[str] = set()
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, _SCOPES):
            if not isinstance(node, ast.Lambda):
                other.add(node.name)
            continue
        if isinstance(node, Comprehension):
            other.update(
                n.target.id
                for n in ast.walk(node)
                if isinstance(n, ast.NamedExpr) and isinstance(n.target, ast.Name)
            )
            continue
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        if (
            value is not None
            and plain_value(value)
            and all(isinstance(t, ast.Name) for t in targets)
        ):
            plain.update(t.id for t in targets if isinstance(t, ast.Name))
            stack.append(value)
            continue
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            stack.append(node.value)  # ``names += [...]`` keeps what the name holds
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            other.add(node.id)
        elif isinstance(node, ast.Global | ast.Nonlocal):
            other.update(node.names)
        elif isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar) and node.name:
            other.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            other.update((a.asname or a.name).split(".")[0] for a in node.names)
        stack.extend(child_nodes(node))
    return frozenset(plain - other)


def comprehension_names(node: Comprehension) -> frozenset[str]:
    """The names a comprehension's ``for`` targets bind (its own scope)."""
    return frozenset(
        n.id
        for generator in node.generators
        for n in ast.walk(generator.target)
        if isinstance(n, ast.Name)
    )


def global_loads(tree: ast.Module, name: str) -> tuple[Span, ...]:
    """Where code reads the module global ``name`` (not a local that hides it)."""
    found: list[Span] = []

    def walk(node: ast.AST, hidden: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            # Defaults and decorators are evaluated where the function is defined.
            for default in (*node.args.defaults, *node.args.kw_defaults):
                if default is not None:
                    walk(default, hidden)
            hidden_inside = hidden or name in parameters(node.args)
            if isinstance(node, ast.Lambda):
                walk(node.body, hidden_inside)
                return
            for decorator in node.decorator_list:
                walk(decorator, hidden)
            hidden_inside = hidden_inside or name in bound_names(node.body, imports=True)
            for stmt in node.body:
                walk(stmt, hidden_inside)
            return
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
            if not hidden:
                found.append(
                    Span(
                        node.lineno, node.col_offset, node.end_lineno or 0, node.end_col_offset or 0
                    )
                )
            return
        for child in ast.iter_child_nodes(node):
            walk(child, hidden)

    walk(tree, False)
    return tuple(found)


def is_generator(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether the function yields (itself, not a function nested in it)."""
    stack: list[ast.AST] = list(node.body)
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Yield | ast.YieldFrom):
            return True
        if not isinstance(current, _SCOPES):
            stack.extend(ast.iter_child_nodes(current))
    return False


def bridge_aliases(
    tree: ast.Module, resolve: Callable[[ast.AST], str | None]
) -> dict[str, BridgeAlias]:
    """``load = sync_to_async(db.load)`` at the top of a module (``thread_sensitive=``
    a constant, if given), by name, with where the name is read."""
    found: dict[str, BridgeAlias] = {}
    for stmt in tree.body:
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call)
            and len(stmt.value.args) == 1
            and _DOTTED.fullmatch(ast.unparse(stmt.value.args[0]))
            and BRIDGES.get(resolve(stmt.value.func) or "") == "sync_to_async"
        ):
            continue
        call = stmt.value
        sensitive = True  # asgiref's default
        for keyword in call.keywords:
            if keyword.arg != "thread_sensitive" or not isinstance(keyword.value, ast.Constant):
                break
            sensitive = bool(keyword.value.value)
        else:
            name = stmt.targets[0].id
            target = ast.unparse(call.args[0])
            uses = global_loads(tree, name)
            found[name] = BridgeAlias(name, target, sensitive, _span(stmt), _span(call), uses)
    return found


def _span(node: ast.expr | ast.stmt) -> Span:
    return Span(node.lineno, node.col_offset, node.end_lineno or 0, node.end_col_offset or 0)


def note_signature(fn: Function, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Function:
    """``fn`` with its ``*args``/``**kwargs`` and whether it reads its ``**kwargs``
    (a session handed on through it is followed only when not); for a method
    overriding a request method or a ``__call__``, what its body does with its
    arguments (``analyse/subclasses.py``)."""
    args = node.args
    fn.vararg = args.vararg.arg if args.vararg else None
    fn.stub = is_stub(node)
    fn.kwarg = args.kwarg.arg if args.kwarg else None
    if fn.kwarg:
        fn.kwargs_read = kwargs_read(node, fn.kwarg)
    if fn.class_qualname and fn.vararg and (fn.name in HTTP_VERBS or fn.name == "request"):
        fn.varargs_read = varargs_read(node, fn.vararg)
    if fn.class_qualname and fn.name == "__call__" and len(fn.params) >= 2:
        fn.argument_uses = argument_uses(node, fn.params[1])
    return fn


def is_stub(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A body of a docstring, ``pass``, ``...`` or ``raise NotImplementedError``."""
    for stmt in node.body:
        if isinstance(stmt, ast.Pass) or (
            isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
        ):
            continue
        raised = (
            stmt.exc.func
            if isinstance(stmt, ast.Raise) and isinstance(stmt.exc, ast.Call)
            else None
        )
        raised = raised or (stmt.exc if isinstance(stmt, ast.Raise) else None)
        if not (isinstance(raised, ast.Name) and raised.id == "NotImplementedError"):
            return False
    return True


def kwargs_read(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """Whether the body uses its ``**name`` parameter other than handed on whole
    (``f(**name)``): looks inside it, changes it, or hands the dict itself over."""
    passed = {
        id(kw.value)
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        for kw in call.keywords
        if kw.arg is None
    }
    return any(
        isinstance(sub, ast.Name) and sub.id == name and id(sub) not in passed
        for stmt in node.body
        for sub in ast.walk(stmt)
    )


def varargs_read(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """Whether the body uses its ``*name`` parameter other than handed on whole
    (``f(*name)``): indexes it, counts it, or hands the tuple itself over."""
    passed = {
        id(arg.value)
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        for arg in call.args
        if isinstance(arg, ast.Starred)
    }
    return any(
        isinstance(sub, ast.Name) and sub.id == name and id(sub) not in passed
        for stmt in node.body
        for sub in ast.walk(stmt)
    )


def argument_uses(
    node: ast.FunctionDef | ast.AsyncFunctionDef, name: str
) -> tuple[tuple[str, bool], ...]:
    """What a body does with its parameter ``name``: ``name.<attr>`` read or assigned
    (``(attr, True)`` when assigned by ``=`` or ``+=``, ``(attr + ":other", True)``
    when stored or deleted any other way), ``(attr + "()", False)`` for a call
    ``name.<attr>(...)`` standing as a statement, ``("", False)`` where ``name``
    is used whole other than ``return name`` or handed to a logger, ``("nested",
    False)`` where a function or class defined in the body uses it, ``("return",
    False)`` for a return of anything else."""
    uses: list[tuple[str, bool]] = []
    returned: set[int] = set()
    for sub in own_nodes(node):
        if isinstance(sub, ast.Return):
            if isinstance(sub.value, ast.Name) and sub.value.id == name:
                returned.add(id(sub.value))
            else:
                uses.append(("return", False))
        elif isinstance(sub, ast.Yield | ast.YieldFrom | ast.Await):
            uses.append(("return", False))
    assigned = {id(target) for target in _assignment_targets(node)}
    called = {
        id(sub.value.func)
        for sub in ast.walk(node)
        if isinstance(sub, ast.Expr) and isinstance(sub.value, ast.Call)
    }
    logged = {
        id(arg)
        for sub in ast.walk(node)
        if isinstance(sub, ast.Call) and _is_logging_call(sub)
        for arg in sub.args
    }
    owned: set[int] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name):
            if sub.value.id == name:
                owned.add(id(sub.value))
                if isinstance(sub.ctx, ast.Load):
                    uses.append((sub.attr + "()" if id(sub) in called else sub.attr, False))
                else:
                    other = "" if id(sub) in assigned else ":other"
                    uses.append((sub.attr + other, True))
    for stmt in node.body:
        for sub in ast.walk(stmt):
            if isinstance(sub, ast.Name) and sub.id == name:
                if id(sub) in logged:
                    continue
                if id(sub) not in owned and id(sub) not in returned:
                    uses.append(("", False))
            elif isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(sub)):
                    uses.append(("nested", False))
    return tuple(dict.fromkeys(uses))


def own_nodes(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.AST]:
    """The nodes of a function's body, not those of functions, lambdas or classes
    defined in it."""
    todo: list[ast.AST] = list(node.body)
    while todo:
        sub = todo.pop()
        yield sub
        if not isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            todo.extend(ast.iter_child_nodes(sub))


def _assignment_targets(node: ast.AST) -> Iterator[ast.expr]:
    """The targets of ``a = ...`` (a tuple's elements included) and ``a += ...`` under ``node``."""
    for sub in ast.walk(node):
        targets: list[ast.expr] = []
        if isinstance(sub, ast.Assign) and len(sub.targets) == 1:
            targets = list(sub.targets)
        elif isinstance(sub, ast.AugAssign):
            targets = [sub.target]
        for target in targets:
            if isinstance(target, ast.Tuple | ast.List):
                yield from target.elts
            else:
                yield target


# A logger only formats what it is handed (``log.debug("%s", request)``).
LOGGING_METHODS = frozenset({"debug", "info", "warning", "error", "exception", "critical", "log"})


def _is_logging_call(call: ast.Call) -> bool:
    """``logging.debug(...)``, ``log.debug(...)``, ``self.logger.info(...)``."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in LOGGING_METHODS:
        return False
    owner = func.value
    name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
    return re.fullmatch(r"_*(log|logger|logging)", name, re.IGNORECASE) is not None


class LocalScope:
    """Names bound in one function or class body while it is being walked.

    ``bound`` holds every name the body binds (see :func:`bound_names`): one
    of them never means the module's function of that name, whatever it holds.
    """

    def __init__(
        self,
        function: Function | None,
        class_qualname: str | None,
        bound: frozenset[str] = frozenset(),
        node: ast.AST | None = None,
    ) -> None:
        self.function = function
        self.node = node  # the function's own node, for checks that look past one call
        self.class_qualname = class_qualname
        self.params: set[str] = set(function.params) if function else set()
        self.local_types: dict[str, str] = {}
        self.local_defs: dict[str, str] = {}
        # Locals holding an instance the function made (``invoker = C(...)``): calling
        # one runs its class's ``__call__``, not its constructor.
        self.instances: set[str] = set()
        # Locals holding what a mock gives (``store = fake.return_value.storages[0]``):
        # their attributes are the mock's, not a project property read.
        self.mock_results: set[str] = set()
        # Every type a local was given on any path (``auth = OAuth1(...)`` in one branch).
        self.assigned: dict[str, set[str]] = {}
        self.bound = bound
        # Locals that only ever name one thing outside (see local_chains).
        self.chains: dict[str, str] = {}
        # Requests built by hand and sent, by the id of each call of them (see prepared).
        self.prepared: dict[int, Prepared] = {}
        # Names holding only plain values (see scopes.plain_names).
        self.plain: frozenset[str] = frozenset()
        self.choices: dict[str, tuple[str, ...]] = {}  # locals picking a class: see choices
        self.aliases: dict[str, ast.expr] = {}  # locals standing for a function: see aliases
        # Loop variables holding one function per item: see loop_functions.
        self.alternatives: dict[str, tuple[str, ...]] = {}
        # ``backend = Remote(url) if url else Local()``: one of these classes' instances.
        self.either_values: dict[str, str] = {}
        # Types stored in a local's items (``pages[t] = page``; "" unknown): see item_type.
        self.item_types: dict[str, set[str]] = {}
        # Locals holding what a project function returned, of no one known type
        # (``found = pages.list(iterator=True)``): the function (see either_iterables).
        self.returned_by: dict[str, str] = {}
        self.made_attrs: dict[str, str] = {}  # ``self.x = C()`` earlier on this path: C
        # ``f = opener.open(req)``, ``opener`` a parameter: ``<param>.opener.open()``.
        self.param_returns: dict[str, str] = {}

    @classmethod
    def nested(cls, function: Function, bound: frozenset[str]) -> LocalScope:
        """A comprehension's or lambda's scope in ``function``: only ``bound`` is its own."""
        scope = cls(function, None, bound)
        scope.params = set()
        return scope


def through_mock(node: ast.expr) -> bool:
    """Whether ``node`` is what a mock gives: a chain through ``.return_value``."""
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        if isinstance(node, ast.Attribute) and node.attr == MOCK_RESULT:
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def returned_by(scopes: list[LocalScope], name: str) -> str | None:
    """The project function whose result local ``name`` holds, if so (see
    ``LocalScope.returned_by``); a comprehension's own names hold anything."""
    for scope in reversed(scopes):
        if name in scope.returned_by:
            return scope.returned_by[name]
        if name in scope.bound or name in scope.local_types or scope.node is not None:
            return None
    return None


def listed_type(
    node: ast.FunctionDef | ast.AsyncFunctionDef, type_made: Callable[[ast.Call], str | None]
) -> str | None:
    """The class of the items of the list every return of ``node`` makes, if one:
    ``return [Project(self, d) for d in data]``, ``return [Page(a), Page(b)]``."""
    found: set[str | None] = set()
    for sub in own_nodes(node):
        if not isinstance(sub, ast.Return):
            continue
        value = sub.value
        if isinstance(value, ast.ListComp | ast.SetComp) and isinstance(value.elt, ast.Call):
            found.add(type_made(value.elt))
        elif isinstance(value, ast.List | ast.Tuple) and value.elts:
            found |= {type_made(e) if isinstance(e, ast.Call) else None for e in value.elts}
        else:
            found.add(None)
    return found.pop() if len(found) == 1 else None
