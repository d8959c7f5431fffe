"""What values hold, as the facts note them for types that flow (see typeflow).

:class:`HeldVisitor` is the part of :class:`~migrate.analyse.facts.ModuleAnalyser`
that notes, for each call, what every argument holds (a type, an attribute of
a typed object, a parameter of the enclosing function, a session and how it
is held), what each method assigns to ``self.<attr>``, the attributes assigned
on other objects, the classes and functions used as values (made or called where
no call shows it), parameter types, and the sessions callers may hand in.
"""

from __future__ import annotations

import ast

from .aliases import bound_by_stand_in
from .choices import only_called, picked, returned, stop_raises
from .class_slots import class_slot, kept_in
from .defaults import SESSION_TYPES, given_default, injections
from .frameworks import COPIES, FLASK_ASYNC_RECEIVERS, PARAMETRIZE_VALUES
from .given import NONE_GIVEN, param_value, through_param
from .item_annotations import annotated_items
from .local_mocks import handed_mock, local_mocks, mock_name
from .model import FIXTURE_PREFIX, MAYBE_ATTR, PARAM_PREFIX, RETURNS_SUFFIX, Call, Function, Ref
from .names import LocalScope, _is_super, _self_attr, dotted, expr_text, span_of
from .patches import patched_params, started_mock
from .reached import ReachedValues
from .scopes import plain_names, returned_by
from .tree import (
    ITEM_CONSUMERS,
    STR_JOIN,
    assigned_values,
    chain_root,
    is_next,
    is_none,
    iter_of_one,
    joins,
    self_method,
    stop_guarded_calls,
)
from .value_forms import either_type, paired_items, taken_item


class HeldVisitor(ReachedValues):
    """Notes what values hold; the analyser's scopes and facts."""

    def value_of(self, node: ast.expr) -> str | None:
        """What ``node`` holds, as far as this module can tell, for types flowing
        from call sites into parameters and attributes.

        A type (``self`` in a method of ``C`` is a ``C``; a local made by ``C()``),
        an attribute chain whose type only the project knows (``pkg.Page.site``),
        a parameter of the enclosing function (``<param>.page.site``), or None
        for anything else (a literal, an expression, a local of several types).
        """
        if isinstance(node, ast.Call):
            classes = self._choices(node.func)
            if classes:
                return "|".join(classes)  # one of them (their common base, see typeflow)
            # ``C(...)``, or ``make(...)`` (``make()``: what it gives is known project-wide).
            made = self.type_of_call(node, self.scopes[-1] if self.scopes else None)
            if made is None and (self_method(node.func) or self._defined_here(node.func)):
                # ``self.create_session()``, ``make_session()``: what it (or the override
                # that runs) gives is known project-wide.
                called = self.resolve(node.func)
                return called + RETURNS_SUFFIX if called else None
            if made is None and (held := param_value(self.value_of, node.func)):
                return held + RETURNS_SUFFIX  # ``opener.open(req)``: see typeflow
            return made
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Call):
            held = param_value(self.value_of, node.value)  # ``opener.open(req).read``
            return f"{held}.{node.attr}" if held else None
        if isinstance(node, ast.BoolOp | ast.IfExp):  # ``api or parent.api``, ``a if c else b``
            values = node.values if isinstance(node, ast.BoolOp) else [node.body, node.orelse]
            # ``Session() if pooled else None``: a None branch holds no object.
            either = [self.value_of(value) for value in values if not is_none(value)]
            return "|".join(either) if all(either) else None  # type: ignore[arg-type]
        parts = dotted(node)
        if not parts or not self.scopes:
            return None
        head = parts[0]
        for scope in reversed(self.scopes):
            if scope.node is not None or scope.function is None:
                break
            # A comprehension's or lambda's own names hold anything.
            if head in scope.bound or head in scope.params:
                return None
        fn = scope.function
        if fn is not None and scope.node is not None and head not in scope.local_types:
            # The function's own scope (not a comprehension's or a lambda's).
            if head == "self" and fn.class_qualname and fn.params[:1] == ("self",):
                return fn.class_qualname if len(parts) == 1 else self.resolve(node)
            if head in scope.params:
                # A parameter the body binds again holds what was given only where
                # no other binding reaches.
                if head in scope.bound and not self._holds_param(node, scope):
                    return None
                return PARAM_PREFIX + ".".join(parts)
            if head in scope.param_returns:  # ``f.read`` with ``f = opener.open(req)``
                return ".".join([scope.param_returns[head], *parts[1:]])
        if head in scope.local_types and len(scope.assigned.get(head, ())) > 1:
            return None
        if len(parts) == 1 and head in scope.either_values:
            return scope.either_values[head]  # one of several classes (see typeflow)
        return self.resolve(node) if self.names_instance(node) else None

    def _given(self, arg: ast.expr) -> str | None:
        """What an argument hands over: ``None`` holds no object (as a default of None)."""
        none = isinstance(arg, ast.Constant) and arg.value is None
        return NONE_GIVEN if none else (handed_mock(self.scopes, arg) or self.value_of(arg))

    def _defined_here(self, func: ast.expr) -> bool:
        """A call of a function this module defines at its top level."""
        return (
            isinstance(func, ast.Name)
            and func.id in self.facts.defs
            and not any(func.id in scope.bound | scope.params for scope in self.scopes)
        )

    def type_of_value(self, node: ast.expr, scope: LocalScope) -> str | None:
        """The type of object an assigned value holds, when one we track: what a
        call makes, or the default of ``given or C()`` (see :mod:`.defaults`)."""
        if isinstance(node, ast.Call):
            if self.resolve(node.func) in COPIES and len(node.args) == 1:
                return self.type_of_value(node.args[0], scope)  # ``copy(self.downloader)``
            found = started_mock(node, self.resolve) or self.type_of_call(node, scope)
            return found or taken_item(node, self.scopes)
        if isinstance(node, ast.Attribute) and (
            isinstance(chain_root(node), ast.Call) or self.names_instance(node)
        ):
            # ``requester = self.get_jenkins_obj().requester``: what the project says it holds.
            return self.resolve(node)
        if isinstance(node, ast.Subscript):
            # ``image = self.images[name]``: what ``__getitem__`` gives (project-wide).
            return self.resolve(node)
        if isinstance(node, ast.IfExp):
            return either_type(node, lambda branch: self.type_of_value(branch, scope))
        if isinstance(node, ast.NamedExpr):
            return self.type_of_value(node.value, scope)
        fn = scope.function
        default = given_default(node, fn.params, fn.kwarg) if fn else None
        return self.type_of_call(default[0], scope) if default else None

    def param_types(
        self, fn: Function, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: LocalScope
    ) -> None:
        """Parameters whose type is known: annotated, or a pytest fixture of a test;
        the sessions the function's callers may hand in (see defaults); classes a
        parameter or local is bound to (see reached)."""
        args = node.args
        testing = fn.framework in ("pytest-test", "pytest-fixture")
        for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
            typ = self.annotation_type(arg.annotation)
            if typ and arg.annotation is not None:
                scope.local_types[arg.arg] = typ
                fn.annotated_params += ((arg.arg, typ),)
                self.note_session_annotation(fn.qualname, arg.arg, arg.annotation, typ)
            elif testing and arg.arg not in ("self", "cls"):
                fixture = self.facts.fixture_types.get(arg.arg, FIXTURE_PREFIX + arg.arg)
                scope.local_types[arg.arg] = fixture
            items = annotated_items(arg.annotation, self.resolve)
            if items and not items[1] and arg.arg not in scope.bound:
                scope.item_types[arg.arg] = {items[0]}  # ``pages: list[Page]``: Pages
        # ``@mock.patch("pkg.Site")``: the test's parameter stands in for a Site.
        scope.local_types.update(patched_params(node, self.resolve))
        sessions = {p for p in fn.params if scope.local_types.get(p) in SESSION_TYPES}
        every = (*args.posonlyargs, *args.args, *args.kwonlyargs)
        plain = frozenset(a.arg for a in every if self._plain_annotation(a.annotation))
        scope.plain = plain_names(node.body, self.plain_value, plain)
        fn.injected = injections(
            node, fn.params, fn.kwarg, sessions, lambda made: self.type_of_call(made, None)
        )
        self.note_reached_choices(scope)

    def through_class(self, func: ast.expr) -> bool:
        """``Base.__init__`` or ``pkg.Base.method``: a method called through its class,
        given ``self`` as its first argument."""
        if not isinstance(func, ast.Attribute) or dotted(func.value) is None:
            return False
        if isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
            return False  # ``self.fetch(x)``: bound, whatever class ``self`` resolves to
        if self.names_instance(func.value) or _is_super(func.value):
            return False
        name = self.resolve(func.value) or ""
        last = name.rsplit(".", 1)[-1]
        return last[:1].isupper() and not last.isupper()

    def note_values(self, call: Call, node: ast.Call, target: str | None) -> None:
        """What each argument holds, for the types that flow into parameters; what
        ``setattr(obj, "name", v)`` assigns; ``next(pages)``, ``list(pages)`` iterate."""
        func = node.func
        if target is None and joins(func):
            target = STR_JOIN  # ``", ".join(pages)``
        one = len(node.args) == 1 and (target != "builtins.next" or not node.keywords)
        if target in ITEM_CONSUMERS and one:  # ``sorted(xs, key=f)`` too
            self.note_iteration(node.args[0], arg_of=target)
        elif target == "builtins.next" and len(node.args) == 2 and not node.keywords:
            self.note_iteration(node.args[0], arg_of=target)  # ``next(pages, None)``
        if target == "builtins.setattr" and len(node.args) >= 2:
            name = node.args[1]
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                if ast.unparse(node.args[0]) != "self":  # on self: an assignment (setters)
                    self.facts.attr_writes.add(name.value)
            elif self.scopes and (fn := self.scopes[-1].function) is not None:
                fn.runtime_setattrs.append((ast.unparse(node.args[0]), node.lineno))
            here = self.scopes[-1].function if self.scopes else None
            if len(node.args) == 3 and (here is None or here.name == "<module>"):
                self._note_made_method(node.args[0], node.args[2])  # the module's own code
        if target is None:
            held = self.value_of(func)
            if held and held.startswith(PARAM_PREFIX):
                call.param_target = held
        if not (node.args or node.keywords):
            return
        if target and target.startswith("builtins."):
            return
        values = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                break
            values.append(self._given(arg))
        call.arg_values = tuple(values)
        call.kwarg_values = tuple(
            (kw.arg, self._given(kw.value)) for kw in node.keywords if kw.arg is not None
        )
        call.unbound = self.through_class(func)
        slots = [(str(i), arg) for i, arg in enumerate(node.args[: len(values)])]
        slots += [(kw.arg, kw.value) for kw in node.keywords if kw.arg is not None]
        call.sessions_given = tuple(
            (slot, kind) for slot, arg in slots if (kind := self.session_kind(arg))
        )
        fn = self.scopes[-1].function if self.scopes else None
        testing = fn is not None and fn.framework in ("pytest-test", "pytest-fixture")
        if fn is not None and (testing or fn.local_mocks):
            handed = {*(fn.params if testing else ()), *(m.name for m in fn.local_mocks)}
            given = ((slot, mock_name(a)) for slot, a in slots)
            call.fixtures_given = tuple((slot, n) for slot, n in given if n and n in handed)

    def _note_made_method(self, owner: ast.expr, value: ast.expr) -> None:
        """``setattr(Node, name, make_getter(key))`` in the module's own code: a method
        ``Node`` gets by a name known at run time, made by ``make_getter``."""
        cls = self.resolve(owner)
        if cls is None or cls not in self.facts.classes:
            return
        made = [value]
        if isinstance(value, ast.Name):  # ``method = make_getter(key)`` first
            made = assigned_values(self.tree.module, value.id)
        makers = {self.resolve(c.func) for c in made if isinstance(c, ast.Call)}
        if makers and None not in makers:
            self.facts.made_methods.setdefault(cls, set()).update(m for m in makers if m)

    def session_kind(self, node: ast.expr) -> str | None:
        """How a session (or ``None``) handed to a call is held here: "none", "made" by
        the argument itself, or ``local:s``, ``param:s``, ``global:s``, ``attr:s`` (self.s)."""
        if isinstance(node, ast.Constant) and node.value is None:
            return "none"
        if isinstance(node, ast.Call):
            made = self.type_of_call(node, self.scopes[-1] if self.scopes else None)
            return "made" if made in SESSION_TYPES else None
        parts = dotted(node)
        if parts and len(parts) == 2 and parts[0] == "self" and self.names_instance(node):
            if self.resolve(node) not in SESSION_TYPES:
                # ``Store(data, self.session)`` where ``self.session`` was handed in:
                # only the type flow tells whether it holds a session (see injected).
                return f"{MAYBE_ATTR}{parts[1]}"
        if not parts or not self.names_instance(node) or self.resolve(node) not in SESSION_TYPES:
            return None
        head, name = parts[0], parts[-1]
        if head == "self":
            return f"attr:{name}" if len(parts) == 2 else None
        for scope in reversed(self.scopes):
            if len(parts) == 1 and head in scope.local_types:
                return f"param:{name}" if head in scope.params else f"local:{name}"
        return f"global:{name}" if len(parts) == 1 and head in self.facts.typed_names else None

    def note_attribute_writes(self, targets: list[ast.expr], value: ast.expr | None) -> None:
        """``self.x = v`` in a method (what ``v`` holds); ``obj.x = v`` elsewhere."""
        fn = self.scopes[-1].function
        for target in targets:
            if isinstance(target, ast.Tuple | ast.List):
                for part, given in zip(target.elts, paired_items(target, value), strict=True):
                    self.note_attribute_writes([part], given)
            elif isinstance(target, ast.Starred):
                self.note_attribute_writes([target.value], None)
            elif isinstance(target, ast.Attribute):
                attr = _self_attr(target)
                if (
                    attr is not None
                    and fn is not None
                    and fn.class_qualname
                    and fn.params[:1] == ("self",)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                ):
                    if not (isinstance(value, ast.Constant) and value.value is None):
                        held = self.value_of(value) if value is not None else None
                        fn.self_assigns += ((attr, held),)
                else:
                    self.note_other_write(target.attr, value)

    def note_other_write(self, attr: str, value: ast.expr | None) -> None:
        """``jenkins.requester = CrumbRequester(...)``: the attribute may be any object's
        (see typeflow), and holds what the value does."""
        fn = self.scopes[-1].function if self.scopes else None
        if isinstance(value, ast.Constant) and value.value is None:
            return
        held = self.value_of(value) if value is not None and fn is not None else None
        if held is None or fn is None:
            self.facts.attr_writes.add(attr)
        else:
            self.facts.attr_values.setdefault(attr, []).append((fn.qualname, held))

    def note_class_values(self, *nodes: ast.expr | None, kept_in: str | None = None) -> None:
        """Classes and functions put in a container, returned or bound to a name;
        ``kept_in``: the attribute they are assigned to (``self.page_class = Page``)."""
        for node in nodes:
            if getattr(node, "_migrate_chosen", False):
                continue  # a class picked and called right there (see choices)
            if isinstance(node, ast.Name) and node.id == "self":
                continue  # an instance (``return self`` in ``__iter__``)
            if isinstance(node, ast.Attribute):
                self.facts.value_attrs.add(node.attr)
            if isinstance(node, ast.Name | ast.Attribute) and self.names_instance(node):
                if (typ := self.resolve(node)) is not None:
                    self.facts.instance_values.add(typ)
            elif isinstance(node, ast.Name | ast.Attribute):
                name = self.resolve(node)
                if name is not None and kept_in is not None:
                    self.facts.attr_classes.setdefault(kept_in, set()).add(name)
                elif name is not None:
                    self.facts.values.add(name)

    def note_picked(self, call: Call, node: ast.Call) -> str | None:
        """A call of a class picked by a value (see choices); its target, left out then."""
        call.result_called = bool(getattr(node, "_migrate_called", False))
        if isinstance(node.func, ast.Call) and not hasattr(node.func, "_migrate_choices"):
            call.chosen_by = self.resolve(node.func.func)
        classes = self._choices(node.func)
        if classes:
            call.choices = classes
            call.target = None
        return call.target

    def note_function_ends(
        self, fn: Function, node: ast.FunctionDef | ast.AsyncFunctionDef
    ) -> None:
        """How ``fn`` ends: ``raise StopIteration`` (or a bare ``raise`` handling one) to
        end an iteration; ``return GeneratorList if generator else List`` (see choices).
        In a test, the mocks it makes and hands on (see local_mocks)."""
        fn.stop_raises = tuple(span_of(r) for r in stop_raises(node))
        if self.facts.is_test_file:
            fn.local_mocks = local_mocks(node, self.resolve, getattr(node, "_migrate_class", None))
        names = returned(node)
        if names is None or any(self.names_instance(name) for name in names):
            return
        classes = [self.resolve(name) for name in names]
        if None in classes:
            return
        fn.returns_classes = tuple(dict.fromkeys(c for c in classes if c))
        for name in names:
            name._migrate_chosen = True  # type: ignore[attr-defined]

    def note_assigned_values(self, node: ast.Assign, scope: LocalScope) -> None:
        """What an assignment's value holds: a class picked (see choices), attributes
        set on ``self`` or another object, classes and functions kept as values."""
        self.note_choice(node, scope)
        self.note_attribute_writes(node.targets, node.value)
        in_body = scope.function is None and scope.class_qualname is not None
        kept = kept_in(node.targets) or (class_slot(node) if in_body else None)
        self.note_class_values(node.value, kept_in=kept)

    def note_choice(self, node: ast.Assign, scope: LocalScope) -> None:
        """``cls = {6: Image}.get(ns, Page)``, then only ``cls(...)``: see choices."""
        target = node.targets[0] if len(node.targets) == 1 else None
        if scope.node is None or not isinstance(target, ast.Name):
            return
        names = picked(node.value)
        if names is None or any(self.names_instance(name) for name in names):
            return
        classes = [self.resolve(name) for name in names]
        if None in classes or not only_called(scope.node, target.id):
            return
        scope.choices[target.id] = tuple(dict.fromkeys(c for c in classes if c))
        for name in names:
            name._migrate_chosen = True  # type: ignore[attr-defined]

    def note_argument(
        self, arg: ast.expr, receiver: str, keyword: str | None, last: str, call: ast.Call
    ) -> None:
        """A function or class handed to ``receiver`` (``sorted(key=f)``): a value, unless
        it is a class picked and called right there (see choices)."""
        if receiver == "typing.cast":
            return  # ``cast(F, wrapper)`` hands the value back as it is
        if isinstance(arg, ast.Starred):
            arg = arg.value
        if isinstance(arg, ast.Attribute):
            setattr(arg, "_migrate_arg_of", receiver)  # noqa: B010 (``list(obj.pages)``)
        if isinstance(arg, ast.Call | ast.GeneratorExp):
            outer = getattr(call, "_migrate_arg_of", None)
            if receiver == "builtins.iter" and outer == "builtins.next" and len(call.args) == 1:
                receiver = outer  # ``next(iter(g()))``: a generator is its own iterator
            setattr(arg, "_migrate_arg_of", receiver)  # noqa: B010 (a type checker refuses the attribute)
            return
        if getattr(arg, "_migrate_decorated", False):
            return  # ``flaky = Retry(3)(_raw)``: a decorator over it (see global_aliases)
        if isinstance(arg, ast.Name | ast.Attribute) and not getattr(arg, "_migrate_chosen", False):
            target = self.resolve(arg)
            fn = self.scopes[-1].function or self.module_fn
            outer = getattr(call, "_migrate_arg_of", None)
            stands_in = bound_by_stand_in(call, self.scopes) or receiver in PARAMETRIZE_VALUES
            if receiver == "functools.partial" and keyword is None and call.args[:1] == [arg]:
                # ``pool.map(partial(f, a), xs)``: f is what the pool calls per item.
                receiver = outer or receiver
            fn.refs.append(
                Ref(
                    span=span_of(arg),
                    target=target,
                    text=expr_text(arg),
                    receiver=receiver,
                    keyword=keyword,
                    in_async_receiver=last in FLASK_ASYNC_RECEIVERS or stands_in,
                    call_span=span_of(call),
                    in_lambda=self.lambda_depth > 0,
                    instance=self.names_instance(arg),
                    call_called=getattr(call, "_migrate_called", False),
                    position=getattr(arg, "_migrate_position", None),
                    statement=getattr(call, "_migrate_statement", False),
                    param_target=None if target else through_param(self.value_of, arg),
                )
            )

    def visit_Dict(self, node: ast.Dict) -> None:
        self.note_class_values(*node.keys, *node.values)
        self.generic_visit(node)

    def visit_List(self, node: ast.List | ast.Tuple | ast.Set) -> None:
        if isinstance(node, ast.Set) or isinstance(node.ctx, ast.Load):
            self.note_class_values(*node.elts)
        self.generic_visit(node)

    visit_Tuple = visit_List
    visit_Set = visit_List

    def note_iteration(self, node: ast.expr, arg_of: str | None = None) -> None:
        """``for page in pages`` runs ``pages.__next__`` (its ``__iter__`` gives itself):
        a call, iterated with ``async for`` once that becomes async; ``next(pages)`` and
        ``list(pages)`` (``arg_of``) take its items too."""
        if not self.scopes:
            return
        held = None
        if arg_of == "builtins.next" and isinstance(node, ast.Call) and iter_of_one(node):
            node = node.args[0]  # ``next(iter(pages))``: ``pages`` gives its own iterator
        if isinstance(node, ast.Call):
            made = self.type_of_call(node, self.scopes[-1])
            maker = self.resolve(node.func)
            if made is None and maker and not maker.startswith("builtins."):
                made = maker + RETURNS_SUFFIX  # what a method gives, known project-wide
            target = f"{made}.__next__" if made else None
        elif dotted(node) is not None:
            attr = ast.copy_location(ast.Attribute(node, "__next__", ast.Load()), node)
            target = self.resolve(attr) if self.names_instance(node) else None
            held = self.value_of(node)
            if target is None and isinstance(node, ast.Name):
                # ``found = pages.list()`` of no one known type: what it returns.
                made = returned_by(self.scopes, node.id)
                target = f"{made}{RETURNS_SUFFIX}.__next__" if made else None
        else:
            return
        call = Call(
            span_of(node),
            target,
            f"{expr_text(node)}.__next__",
            iterated=arg_of is None,
            arg_of=arg_of,
            in_lambda=self.lambda_depth > 0,
            iterates=True,
            stop_handler=getattr(node, "_migrate_stop_handler", None),
        )
        if target is None and held and held.startswith(PARAM_PREFIX):
            call.param_target = f"{held}.__next__"
        if target or call.param_target:
            (self.scopes[-1].function or self.module_fn).calls.append(call)

    def visit_Try(self, node: ast.Try | ast.TryStar) -> None:
        """``try: next(pages) except StopIteration``: the handler ``anext`` would need;
        ``pages.next()``, a method that may end an iterator, too (see plan.edits)."""
        for call, handler in stop_guarded_calls(node):
            marked = call.args[0] if is_next(call) else call
            marked._migrate_stop_handler = handler  # type: ignore[attr-defined]
        self.generic_visit(node)

    visit_TryStar = visit_Try

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.note_attribute_writes([node.target], node.value)
        super().visit_AnnAssign(node)

    def visit_Return(self, node: ast.Return) -> None:
        self.note_class_values(node.value)
        super().visit_Return(node)
