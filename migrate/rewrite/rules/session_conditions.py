"""Session set-up under a condition, carried into the factory that makes the client.

``if self.max_retries is not None: self.session.mount("https://", adapter)`` and
``if not verify: self.session.verify = False`` in the method that makes
``self.session`` (or such an ``if`` after a module's session): httpx takes
transports and ``verify=`` only when a client is made, and the client per event
loop that replaces the session is made by its factory, when first used. The
condition moves into the factory's arguments:
``verify=TLS_CONTEXT if verify else False``, ``transport=httpx.AsyncHTTPTransport(
retries=self.max_retries, verify=...) if self.max_retries is not None else None``.
Before, such lines were commented out under a TODO in a method (the retries
or the ``verify`` setting lost) and left as they were after a module's session
(``session.mount`` raising AttributeError on the client). The factory reads the
names the condition reads when it runs: an ``if`` is taken only where nothing
after it binds them again (see ``takeable``).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import libcst as cst
import libcst.matchers as m

from ..context import Note, short_todo, todo_comment
from ..nodes import append_arg, code_of, dotted_name, is_keyword, keyword_arg
from .http_params import ParamsRewrites
from .http_transport import Transport, adapter_transport, mount_call, mount_pattern
from .session_lines import bound_by, names_read, rename_self_attr

MOUNT_UNPORTABLE = (
    "HTTPAdapter/Retry have no httpx twin (httpx.AsyncHTTPTransport(retries=n)"
    " retries connection errors only)"
)
# httpx builds a TLS context (loading the CA bundle, ~15 ms) for every client,
# and under Flask a client lives one request: every client the rewritten code
# makes shares the one in the package's helpers module.
TLS_CONTEXT = "TLS_CONTEXT"
# Constructor arguments a condition may set, and what a client takes without
# them (None: the package's TLS context, as every client the rewrite makes).
CHOSEN: dict[str, str | None] = {"verify": None, "cert": "None", "trust_env": "True"}
# What a block may bind for its mounts (``adapter = HTTPAdapter(...)``).
_ADAPTER_PARTS = frozenset({"HTTPAdapter", "Retry"})


@dataclass
class ConditionalMounts:
    """The mounts of one ``if`` block, to become the client's transport under it."""

    test: cst.BaseExpression
    mounts: list[tuple[str, Transport, cst.BaseStatement]]


def conditional_setup(stmt: cst.BaseStatement, name: str) -> bool:
    """``if c:`` with no ``else`` whose lines only set up session ``name`` in ways the
    client's constructor takes: a chosen argument, mounts, the adapters they mount."""
    if not (
        isinstance(stmt, cst.If)
        and stmt.orelse is None
        and isinstance(stmt.body, cst.IndentedBlock)
    ):
        return False
    sets_up = False
    for line in stmt.body.body:
        if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
            return False
        if mount_call(line, name) is not None or chosen_arg(line.body[0], name) is not None:
            sets_up = True
        elif adapter_binding(line.body[0]) is None:
            return False
    return sets_up


def takeable(stmt: cst.BaseStatement, rest: Sequence[cst.BaseStatement]) -> bool:
    """Whether the factory may run ``stmt``'s set-up when it makes a client: no
    statement after it binds a name it reads (the factory would read the new
    value) or reads one it binds (it would be gone)."""
    return not (
        names_read(stmt) & {n for s in rest for n in bound_by(s)}
        or bound_by(stmt) & {n for s in rest for n in names_read(s)}
    )


def chosen_arg(small: cst.BaseSmallStatement, name: str) -> cst.Arg | None:
    """``session.verify = v`` -> ``verify=v``, for the arguments of :data:`CHOSEN`."""
    if not m.matches(
        small, m.Assign(targets=[m.AssignTarget(m.Attribute(m.Name(name), attr=m.Name()))])
    ):
        return None
    assign = cst.ensure_type(small, cst.Assign)
    attr = cst.ensure_type(assign.targets[0].target, cst.Attribute).attr.value
    return keyword_arg(attr, assign.value) if attr in CHOSEN else None


def adapter_binding(small: cst.BaseSmallStatement) -> str | None:
    """``adapter = HTTPAdapter(...)`` (or ``Retry(...)``): the name it binds."""
    if not (
        isinstance(small, cst.Assign)
        and len(small.targets) == 1
        and isinstance(small.targets[0].target, cst.Name)
        and isinstance(small.value, cst.Call)
    ):
        return None
    called = dotted_name(small.value.func) or ""
    return small.targets[0].target.value if called.rsplit(".", 1)[-1] in _ADAPTER_PARTS else None


def block_bindings(stmt: cst.If) -> dict[str, cst.Call]:
    """What the block's own lines bind for its mounts."""
    body = cst.ensure_type(stmt.body, cst.IndentedBlock).body
    out: dict[str, cst.Call] = {}
    for line in body:
        small = cst.ensure_type(line, cst.SimpleStatementLine).body[0]
        bound = adapter_binding(small)
        if bound is not None:
            out[bound] = cst.ensure_type(cst.ensure_type(small, cst.Assign).value, cst.Call)
    return out


def choose(
    client_args: list[cst.Arg], arg: cst.Arg, test: cst.BaseExpression, tls: cst.BaseExpression
) -> cst.Arg:
    """``kw=value if test else <what the client takes otherwise>``."""
    key = arg.keyword.value if arg.keyword else ""
    given = next((a.value for a in client_args if is_keyword(a, key)), None)
    default = CHOSEN[key]
    otherwise = given or (tls if default is None else cst.Name(default))
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        # ``if not verify: s.verify = False`` -> ``TLS_CONTEXT if verify else False``
        return keyword_arg(key, cst.IfExp(test=test.expression, body=otherwise, orelse=arg.value))
    return keyword_arg(key, cst.IfExp(test=test, body=arg.value, orelse=otherwise))


def mount_patterns(
    block: cst.If, name: str
) -> list[tuple[cst.BaseStatement, str | None, cst.BaseExpression]]:
    """Each mount of the block: its line, its httpx pattern, its adapter."""
    found = []
    for line in cst.ensure_type(block.body, cst.IndentedBlock).body:
        mount = mount_call(line, name)
        if mount is not None:
            found.append((line, mount_pattern(mount[0]), mount[1]))
    return found


class ConditionalSetup(ParamsRewrites):
    """The session rules' part that takes conditional set-up into the factory."""

    def _late_setup(
        self,
        block: cst.IndentedBlock,
        body: list[cst.BaseStatement],
        attrs: dict[str, str],
        sessions: AbstractSet[str] = frozenset(),
    ) -> cst.IndentedBlock:
        raise NotImplementedError  # see http_setup.SessionSetup

    def _commented_out(
        self, stmt: cst.SimpleStatementLine | cst.If, why: str
    ) -> list[cst.EmptyLine]:
        """``stmt`` as comment lines under a TODO saying ``why``."""
        short, rest = short_todo(why)
        self.ctx.notes.append(Note(self.code, self.ctx.line(stmt), short, todo=True, detail=rest))
        code = code_of(stmt.with_changes(leading_lines=[]))
        return [
            *stmt.leading_lines,
            cst.EmptyLine(comment=cst.Comment(todo_comment(self.code, short))),
            *(
                cst.EmptyLine(comment=cst.Comment(f"# {line}"))
                for line in code.rstrip().splitlines()
            ),
        ]

    def _conditional(
        self,
        name: str,
        block: cst.If,
        client_args: list[cst.Arg],
        bindings: dict[str, cst.Call],
        conditional: list[ConditionalMounts],
    ) -> list[cst.EmptyLine]:
        """An ``if`` setting the session up: its arguments chosen by its test, its
        mounts a transport under it (``conditional``, made once every argument is
        known); the block as comments under a TODO where an adapter is not one."""
        inner = {**bindings, **block_bindings(block)}
        mounts = []
        for line, pattern, adapter in mount_patterns(block, name):
            transport = adapter_transport(adapter, inner, self._httpx)
            if pattern is None or transport is None:
                return self._commented_out(block, MOUNT_UNPORTABLE)
            mounts.append((pattern, transport, line))
        tls = cst.Name(self.ctx.use_helper(TLS_CONTEXT))
        for line in cst.ensure_type(block.body, cst.IndentedBlock).body:
            arg = chosen_arg(cst.ensure_type(line, cst.SimpleStatementLine).body[0], name)
            if arg is not None:
                chosen = choose(client_args, arg, block.test, tls)
                client_args[:] = [a for a in client_args if not is_keyword(a, arg.keyword.value)]  # type: ignore[union-attr]
                client_args[:] = append_arg(client_args, chosen)
        if mounts:
            conditional.append(ConditionalMounts(block.test, mounts))
        return []

    def _commented_out_mounts(
        self, mounts: list[tuple[str, Transport, cst.BaseStatement]]
    ) -> list[cst.EmptyLine]:
        why = MOUNT_UNPORTABLE
        return [
            line
            for _, _, stmt in mounts
            for line in self._commented_out(cst.ensure_type(stmt, cst.SimpleStatementLine), why)
        ]

    def late_blocks(
        self, body: list[cst.BaseStatement], attrs: dict[str, str]
    ) -> list[cst.BaseStatement]:
        """The ``if`` blocks setting the session up that no factory took (see
        _note_conditional_setup): what httpx takes only when a client is made goes
        under a TODO in them, as anywhere after the session is made."""
        if not self.conditional_blocks:
            return body
        out = []
        for stmt in body:
            if isinstance(stmt, cst.If) and any(
                conditional_setup(rename_self_attr(stmt, attr), attr) for attr in attrs
            ):
                inner = cst.ensure_type(stmt.body, cst.IndentedBlock)
                stmt = stmt.with_changes(body=self._late_setup(inner, list(inner.body), attrs))
            out.append(stmt)
        return out

    def late_module_block(self, stmt: cst.If, sessions: AbstractSet[str]) -> cst.If:
        """An ``if`` setting a module's session up that its factory cannot take:
        what httpx takes only when a client is made goes under a TODO in it."""
        inner = cst.ensure_type(stmt.body, cst.IndentedBlock)
        return stmt.with_changes(body=self._late_setup(inner, list(inner.body), {}, sessions))

    def _note_conditional_setup(self, node: cst.CSTNode) -> None:
        """``if c: self.session.mount(...)`` in a method of a class keeping its session
        in ``self.session``: its block is left for the factory (see _attr_sessions)."""
        attrs = self.ctx.edits.shared_attrs.get(self.ctx.qualname.rsplit(".", 1)[0], {})
        if (
            isinstance(node, cst.If)
            and len(self.ctx.scope) >= 2
            and any(conditional_setup(rename_self_attr(node, attr), attr) for attr in attrs)
        ):
            self.conditional_blocks = {*self.conditional_blocks, id(node.body)}

    conditional_blocks: set[int] = set()


def mapping(made: dict[str, cst.Call]) -> cst.BaseExpression:
    """``{"https://": transport, ...}``: httpx's ``mounts=``."""
    return cst.Dict(
        [
            cst.DictElement(cst.SimpleString(repr(pattern).replace("'", '"')), call)
            for pattern, call in made.items()
        ]
    )
