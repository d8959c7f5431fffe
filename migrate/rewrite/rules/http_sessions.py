"""MIG001, sessions: a requests.Session (or sync httpx.Client) held by a module
or an instance becomes one httpx.AsyncClient per event loop.

Flask runs every async view on a new event loop and a client must not be
used on two loops (encode/httpx#2473): the session's configuration moves
into a factory, and ``AsyncClientPerLoop`` (in the package's helpers module)
hands out the running loop's client, closed when that loop shuts down
(docs/client-lifetime.md). Every client the rule makes shares one TLS
context per package.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
import libcst.matchers as m

from ...plan.edits import SUBCLASS_CLIENT
from ..nodes import append_arg, code_of, dotted_name, keyword_arg, string_value
from .base import on_leave
from .http_common import requests_defaults
from .http_lazy import LazySessions
from .http_setup import assignments, drop_unread, sets_up, sets_up_self_attr
from .session_conditions import conditional_setup, takeable
from .session_lines import (
    bound_by,
    config_owner,
    names_read,
    rename_self_attr,
    self_attr_config,
    session_creation,
)

PER_LOOP = "AsyncClientPerLoop"
# The helper standing in for an AsyncClient in tests (see helpers.ASYNC_CLIENT_MOCK).
CLIENT_MOCK = "async_client_mock"
# What ``mock.patch`` is given a fake by: the test's own fake stays.
FAKE_KEYWORDS = frozenset(
    {"new", "new_callable", "return_value", "side_effect", "spec", "spec_set", "autospec", "wraps"}
)


SESSION_CONSTRUCTORS = {
    "requests.Session": "requests.Session",
    "requests.session": "requests.Session",
    "requests.sessions.Session": "requests.Session",
    "httpx.Client": "httpx.Client",
}


class SessionRewrites(LazySessions):
    @on_leave(cst.ClassDef)
    def leave_class_sessions(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        """``session = requests.Session()`` in a class body, used by methods that
        become async: a per-loop client too, made by a static factory beside it."""
        attrs = self.ctx.edits.shared_attrs.get(self.ctx.qualname)
        if not attrs or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        body: list[cst.BaseStatement] = []
        for stmt in updated.body.body:
            name = session_creation(stmt, attrs)
            kind = self._constructed(stmt) if name is not None else None
            if name is None or kind is None:
                body.append(stmt)
                continue
            factory, proxy = self._factory(name, kind, stmt, [], {}, set())
            decorator = cst.Decorator(cst.Name("staticmethod"))
            leading = cst.ensure_type(stmt, cst.SimpleStatementLine).leading_lines
            body += [
                factory.with_changes(decorators=[decorator], leading_lines=leading),
                proxy.with_changes(leading_lines=[cst.EmptyLine(indent=False)]),
            ]
        if len(body) == len(updated.body.body):
            return updated
        self.ctx.add_import(self.module)
        self.ctx.maybe_remove_import("requests")
        return updated.with_changes(body=updated.body.with_changes(body=body))

    def _client_factory(self, updated: cst.FunctionDef) -> cst.FunctionDef:
        """A session factory that moves (see plan/factories.py): it stays sync and
        makes an AsyncClient, configured as the lines after ``requests.Session()``
        configured the session (``return httpx.AsyncClient(...)`` when nothing else
        is left between)."""
        if self.ctx.qualname not in self.ctx.edits.client_factories:
            return updated
        if not isinstance(updated.body, cst.IndentedBlock):
            return updated
        body = list(updated.body.body)
        for index, stmt in enumerate(body):
            small = (
                cst.ensure_type(stmt, cst.SimpleStatementLine).body[0]
                if (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1)
                else None
            )
            if small is None or self._constructed(stmt) != "requests.Session":
                continue
            client_args = requests_defaults()
            if isinstance(small, cst.Return):
                client = cst.Call(func=self._httpx("AsyncClient"), args=self._with_tls(client_args))
                body[index] = stmt.with_changes(body=[small.with_changes(value=client)])
                break
            target = small.targets[0].target if isinstance(small, cst.Assign) else None
            if not isinstance(target, cst.Name):
                return updated
            name = target.value
            rest = self._sessions_headers(body[index + 1 :], name)
            config = [later for later in rest if sets_up(later, name)]
            used: set[str] = set()
            kept, pending = self._configure(
                name, config, client_args, assignments(body), used, in_place=True
            )
            gone = {id(later) for later in config} - {id(later) for later in kept}
            rest = [later for later in rest if id(later) not in gone]
            if pending and rest:
                lines = [*rest[0].leading_lines, *pending]  # type: ignore[attr-defined]
                rest[0] = rest[0].with_changes(leading_lines=lines)
            client = cst.Call(func=self._httpx("AsyncClient"), args=self._with_tls(client_args))
            made = stmt.with_changes(body=[small.with_changes(value=client)])
            assert isinstance(made, cst.SimpleStatementLine)
            body = drop_unread([*body[:index], *_made_and_returned(made, rest, name)], used)
            break
        else:
            return updated
        self.ctx.add_import(self.module)
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(
            self.code,
            self.ctx.line(updated),
            f"{updated.name.value}: makes an httpx.AsyncClient instead of a requests.Session",
        )
        returns = updated.returns
        if returns is not None and self._session_annotation(returns.annotation):
            returns = returns.with_changes(
                annotation=cst.parse_expression(f"{self.module}.AsyncClient")
            )
        return updated.with_changes(body=updated.body.with_changes(body=body), returns=returns)

    def _session_annotation(self, node: cst.BaseExpression) -> bool:
        written = dotted_name(node) or ""
        made = self.ctx.edits.requests_aliases.get(written, written)
        return SESSION_CONSTRUCTORS.get(made) == "requests.Session"

    def _factory_call(self, original: cst.Call, updated: cst.Call) -> cst.Call | None:
        """A moved session factory's call kept in a global or ``self.<attr>`` (see
        :meth:`_per_loop_factory`), or a test's patch of it (:meth:`_factory_patch`)."""
        if self.ctx.pos(original) in self.ctx.edits.per_loop_factories:
            return self._per_loop_factory(updated)
        if self.ctx.edits.factory_patches:
            patched = self._factory_patch(original, updated)
            return patched if patched is not updated else None
        return None

    def _factory_patch(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``mock.patch("pkg.api.make_session")``: the factory gives an AsyncClient now,
        so the mock it returns is a client mock whose request methods are awaited
        (``return_value=async_client_mock()``); a fake the test gives is named in a TODO."""
        func = dotted_name(updated.func) or ""
        first = updated.args[0].value if updated.args else None
        if func.rpartition(".")[2] != "patch" or not isinstance(first, cst.SimpleString):
            return updated
        target = string_value(first)
        if target not in self.ctx.edits.factory_patches:
            return updated
        keywords = {a.keyword.value for a in updated.args if a.keyword is not None}
        positional = [a for a in updated.args if a.keyword is None and not a.star]
        if keywords & FAKE_KEYWORDS or len(positional) > 1:
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                f"the fake stands for the httpx.AsyncClient {target.rpartition('.')[2]}() makes"
                " now: its methods are awaited",
            )
            return updated
        client = cst.Call(cst.Name(self.ctx.use_helper(CLIENT_MOCK)))
        last = updated.args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        args = [*updated.args[:-1], last, keyword_arg("return_value", client)]
        return updated.with_changes(args=args)

    def _per_loop_factory(self, call: cst.Call) -> cst.Call:
        """``make_session(user, password)`` kept in a global or ``self.<attr>``: one
        client per event loop, each made by the factory with the arguments given
        here (evaluated once, here, as before)."""
        per_loop = self.ctx.use_helper(PER_LOOP)
        maker: cst.BaseExpression = call.func
        if call.args:
            self.ctx.add_import("functools")
            args = [cst.Arg(call.func), *call.args]
            maker = cst.Call(func=cst.parse_expression("functools.partial"), args=args)
        self.ctx.note(
            self.code, self.ctx.line(call), f"{code_of(call.func)}(): AsyncClient per event loop"
        )
        return cst.Call(func=cst.Name(per_loop), args=[cst.Arg(maker)])

    def _constructed(self, stmt: cst.BaseStatement) -> str | None:
        """What ``name = requests.Session()`` makes ("requests.Session"), or None."""
        small = cst.ensure_type(stmt, cst.SimpleStatementLine).body[0]
        value = getattr(small, "value", None)
        if not isinstance(value, cst.Call):
            return None
        written = dotted_name(value.func) or ""
        return SESSION_CONSTRUCTORS.get(self.ctx.edits.requests_aliases.get(written, written))

    def _finish_module(self, updated: cst.Module) -> cst.Module:
        """Module-level sessions become per-loop clients."""
        return self._sessions(updated)

    def _sessions(self, updated: cst.Module) -> cst.Module:
        shared = self.ctx.edits.shared_clients
        if not shared:
            return updated
        body = list(updated.body)
        new_body: list[cst.BaseStatement] = []
        moved: dict[str, list[cst.BaseStatement]] = {name: [] for name in shared}
        creations: dict[str, int] = {}
        for at, stmt in enumerate(body):
            target = session_creation(stmt, shared)
            if target is not None:
                creations[target] = len(new_body)
                new_body.append(stmt)
                continue
            owner = config_owner(stmt, shared) or self._conditional_owner(body, at, creations)
            if owner is not None and owner in creations:
                moved[owner].append(stmt)
                continue
            if isinstance(stmt, cst.If) and any(conditional_setup(stmt, n) for n in creations):
                stmt = self.late_module_block(stmt, set(creations))  # not takeable
            new_body.append(stmt)
        bindings = assignments(body)
        used: set[str] = set()
        for name, index in sorted(creations.items(), key=lambda kv: -kv[1]):
            creation = new_body[index]
            new_body[index : index + 1] = self._factory(
                name, shared[name], creation, moved[name], bindings, used
            )
        new_body = drop_unread(new_body, used)
        if creations:
            self.ctx.add_import(self.module)
            self.ctx.maybe_remove_import("requests")
        return updated.with_changes(body=new_body)

    @staticmethod
    def _conditional_owner(
        body: Sequence[cst.BaseStatement], at: int, creations: dict[str, int]
    ) -> str | None:
        """``if insecure: session.verify = False`` after ``session`` is made: its
        session, when the factory may take it (see session_conditions)."""
        stmt = body[at]
        owner = next((n for n in creations if conditional_setup(stmt, n)), None)
        return owner if owner and takeable(stmt, body[at + 1 :]) else None

    def _factory(
        self,
        name: str,
        kind: str,
        creation: cst.BaseStatement,
        config: list[cst.BaseStatement],
        bindings: dict[str, cst.Call],
        used: set[str],
    ) -> list[cst.BaseStatement]:
        assert isinstance(creation, cst.SimpleStatementLine)
        assign = creation.body[0]
        assert isinstance(assign, cst.Assign) and isinstance(assign.value, cst.Call)
        if kind == "requests.Session":
            client_args = [
                keyword_arg("follow_redirects", cst.Name("True")),
                keyword_arg("timeout", cst.Name("None")),
            ]
        else:
            client_args = list(assign.value.args)
        factory_name = f"_new_{name.lstrip('_').lower()}"
        make = cst.parse_statement(f"{name} = {self.module}.AsyncClient()")
        assert isinstance(make, cst.SimpleStatementLine)
        make_assign = make.body[0]
        assert isinstance(make_assign, cst.Assign) and isinstance(make_assign.value, cst.Call)
        body: list[cst.BaseStatement] = self._config_body(name, config, client_args, bindings, used)
        client_args = self._with_tls(client_args)
        make = make.with_changes(
            body=[make_assign.with_changes(value=make_assign.value.with_changes(args=client_args))]
        )
        factory = cst.FunctionDef(
            name=cst.Name(factory_name),
            params=cst.Parameters(),
            body=cst.IndentedBlock(_made_and_returned(make, body, name)),
            returns=cst.Annotation(cst.parse_expression(f"{self.module}.AsyncClient")),
            leading_lines=[
                # A top-level def opens with two blank lines; the comments
                # above the session stay with it.
                cst.EmptyLine(),
                cst.EmptyLine(),
                *(line for line in creation.leading_lines if line.comment is not None),
            ],
        )
        per_loop = self.ctx.use_helper(PER_LOOP)
        proxy = cst.parse_statement(f"{name} = {per_loop}({factory_name})")
        self.ctx.note(
            self.code, self.ctx.line(creation), f"{name}: {kind} -> AsyncClient per event loop"
        )
        spacer = cst.EmptyLine()
        return [factory, proxy.with_changes(leading_lines=[spacer, spacer])]

    def _attr_sessions(
        self, body: list[cst.BaseStatement], attrs: dict[str, str]
    ) -> list[cst.BaseStatement]:
        """``self.session = requests.Session()`` (and the lines that configure it)
        in a method -> one AsyncClient per event loop, like a module-level session."""
        out: list[cst.BaseStatement] = []
        bindings = assignments(body)
        used: set[str] = set()
        taken: set[int] = set()
        for index, stmt in enumerate(body):
            if index in taken:
                continue
            attr = _self_attr_creation(stmt, attrs)
            if attr is None:
                out.append(stmt)
                continue
            config: list[cst.BaseStatement] = []
            adjacent = True
            used_yet, late = False, set[str]()
            for later in range(index + 1, len(body)):
                if _self_attr_creation(body[later], {attr: ""}) is not None:
                    break  # made again: what follows configures the new one
                # Lines right after the creation are its configuration; further
                # down only what sets the session up (``mount``, ``auth = ...``)
                # joins them, not a first request made with it.
                adjacent = adjacent and self_attr_config(body[later], attr)
                config_line = adjacent or sets_up_self_attr(body[later], attr)
                # ``if retries: self.session.mount(...)``: the factory reads what its
                # test reads when it runs, so nothing may bind that again after it.
                conditional = isinstance(body[later], cst.If) and conditional_setup(
                    rename_self_attr(body[later], attr), attr
                )
                if conditional and takeable(body[later], body[later + 1 :]):
                    config_line = True
                # The factory runs when the client is first used: a line reading a
                # name bound once it was (a login's response) stays where it is, and
                # the clients later loops make start from the one it set up.
                if config_line and names_read(body[later]) & late:
                    continue
                if not config_line:
                    used_yet = used_yet or f"self.{attr}" in code_of(body[later])
                    if used_yet:
                        late |= bound_by(body[later])
                if config_line and (
                    adjacent or sets_up_self_attr(body[later], attr) or conditional
                ):
                    renamed = rename_self_attr(body[later], attr)
                    config.append(self.ctx.carry_line(body[later], renamed))
                    taken.add(later)
            out.extend(
                self._attr_factory(attr, attrs[attr], stmt, config, bindings, used, first=not out)
            )
        return drop_unread(out, used)

    def _attr_factory(
        self,
        attr: str,
        kind: str,
        creation: cst.BaseStatement,
        config: list[cst.BaseStatement],
        bindings: dict[str, cst.Call],
        used: set[str],
        *,
        first: bool,
    ) -> list[cst.BaseStatement]:
        assert isinstance(creation, cst.SimpleStatementLine)
        assign = creation.body[0]
        assert isinstance(assign, cst.Assign | cst.AnnAssign) and assign.value is not None
        made = made_by(assign.value)
        assert made is not None
        client_args = requests_defaults() if kind == "requests.Session" else list(made.args)
        if kind == SUBCLASS_CLIENT:
            # The project's own AsyncClient subclass: made as before, on each loop.
            client_args = []
        else:  # what every request gave alike (plan/client_settings.py)
            owner = self.ctx.qualname.rsplit(".", 1)[0]
            for name, setting in self.ctx.edits.client_settings.get(owner, {}).get(attr, ()):
                client_args = append_arg(
                    client_args, keyword_arg(name, cst.parse_expression(setting))
                )
        body = self._config_body(attr, config, client_args, bindings, used)
        make = cst.parse_statement(f"{attr} = {self.module}.AsyncClient()")
        assert isinstance(make, cst.SimpleStatementLine) and isinstance(make.body[0], cst.Assign)
        call = make.body[0].value
        assert isinstance(call, cst.Call)
        value: cst.BaseExpression = call.with_changes(args=self._with_tls(client_args))
        if kind == SUBCLASS_CLIENT:
            value = made
            for arg in client_args:
                name = arg.keyword.value if arg.keyword else code_of(arg.value)
                self.ctx.todo(
                    self.ctx.line(creation),
                    self.code,
                    f"{name}= is set when the client is made: pass it in its class's __init__",
                )
        make = make.with_changes(body=[make.body[0].with_changes(value=value)])
        factory_name = f"_new_{attr.lstrip('_')}"
        factory = cst.FunctionDef(
            name=cst.Name(factory_name),
            params=cst.Parameters(),
            body=cst.IndentedBlock(_made_and_returned(make, body, attr)),
            returns=cst.Annotation(cst.parse_expression(f"{self.module}.AsyncClient")),
            # A def opening its function's body has no blank line above it.
            leading_lines=creation.leading_lines
            or ([] if first else [cst.EmptyLine(indent=False)]),
        )
        per_loop = self.ctx.use_helper(PER_LOOP)
        self.ctx.add_import(self.module)
        self.ctx.maybe_remove_import("requests")
        # ``session or requests.Session()``: the session a caller hands in, or one per loop.
        chosen = assign.value.deep_replace(
            made, cst.parse_expression(f"{per_loop}({factory_name})")
        )
        proxy = cst.SimpleStatementLine(
            [assign.with_changes(value=chosen)], leading_lines=[cst.EmptyLine(indent=False)]
        )
        self.ctx.note(
            self.code, self.ctx.line(creation), f"self.{attr}: {kind} -> AsyncClient per event loop"
        )
        return [factory, proxy]

    def _config_body(
        self,
        name: str,
        config: list[cst.BaseStatement],
        client_args: list[cst.Arg],
        bindings: dict[str, cst.Call],
        used: set[str],
    ) -> list[cst.BaseStatement]:
        """The session's configuration (see :meth:`_configure`), as a factory's body."""
        body, pending = self._configure(name, config, client_args, bindings, used)
        ret = cst.parse_statement(f"return {name}")
        return [*body, ret.with_changes(leading_lines=pending)]


def _made_and_returned(
    make: cst.SimpleStatementLine, body: list[cst.BaseStatement], name: str
) -> list[cst.BaseStatement]:
    """A factory's body: ``return AsyncClient(...)`` when nothing configures it
    after it is made (not ``name = AsyncClient(...)`` then ``return name``)."""
    only = body[0] if len(body) == 1 else None
    if isinstance(only, cst.SimpleStatementLine) and not only.leading_lines:
        if m.matches(only, m.SimpleStatementLine(body=[m.Return(value=m.Name(name))])):
            assign = make.body[0]
            assert isinstance(assign, cst.Assign)
            return [make.with_changes(body=[cst.Return(value=assign.value)])]
    return [make, *body]


def _self_attr_creation(stmt: cst.BaseStatement, attrs: dict[str, str]) -> str | None:
    """``self.session = requests.Session()`` -> "session" when it is converted."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    assign = stmt.body[0]
    if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
        target = assign.targets[0].target
    elif isinstance(assign, cst.AnnAssign) and assign.value is not None:
        target = assign.target  # ``self._client: requests.Session = ...``
    else:
        return None
    value = assign.value
    if (
        m.matches(target, m.Attribute(value=m.Name("self")))
        and isinstance(target, cst.Attribute)
        and target.attr.value in attrs
        and value is not None
        and made_by(value) is not None
        and not _per_loop(value)
    ):
        return target.attr.value
    return None


def _per_loop(value: cst.BaseExpression) -> bool:
    """``AsyncClientPerLoop(...)`` already (a session factory's, see _per_loop_factory)."""
    return isinstance(value, cst.Call) and dotted_name(value.func) == PER_LOOP


def made_by(value: cst.BaseExpression) -> cst.Call | None:
    """The call that makes the session ``value`` holds: ``value`` itself, or the default
    of ``given or Session()`` / ``given if given is not None else Session()``
    (the forms analyse/defaults.py reads)."""
    if isinstance(value, cst.Call):
        return value
    if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
        return value.right if isinstance(value.right, cst.Call) else None
    if isinstance(value, cst.IfExp):
        made = [v for v in (value.body, value.orelse) if isinstance(v, cst.Call)]
        return made[0] if len(made) == 1 else None
    return None
