"""MIG001, sessions a top-level function makes on first use and hands out.

``def session(): if not hasattr(_local, "s"): _local.s = requests.Session();
...; return _local.s`` (a session per thread, in a ``threading.local()``), the
``getattr(_local, "s", None)`` form of it, or a ``global _SESSION`` made when
still None (see analyse/accessors.py): where the session was made, a factory
now makes an httpx.AsyncClient configured as the lines after it configured
the session, and the holder gets an ``AsyncClientPerLoop`` of it. The
function stays sync and as lazy as it was; under asyncio each event loop
gets its own client, as each thread had its own session.
"""

from __future__ import annotations

import libcst as cst

from ..nodes import code_of, dotted_name
from .base import on_leave
from .http_common import requests_defaults
from .http_setup import SessionSetup, assignments, drop_unread

PER_LOOP = "AsyncClientPerLoop"
SESSION_MAKERS = {
    "requests.Session": "requests.Session",
    "requests.session": "requests.Session",
    "requests.sessions.Session": "requests.Session",
    "httpx.Client": "httpx.Client",
}


class LazySessions(SessionSetup):
    @on_leave(cst.IndentedBlock)
    def leave_block_lazy_sessions(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        holders = self.ctx.edits.lazy_holders.get(self.ctx.qualname)
        if not holders:
            return updated
        body = list(updated.body)
        for index, stmt in enumerate(body):
            found = self._holder_creation(stmt, holders)
            if found is None:
                continue
            name, kind = found
            config = []
            for later in body[index + 1 :]:
                configures = _configures(later, {name, *holders})
                if configures is None:
                    break
                config.append(self.ctx.carry_line(later, _renamed(later, configures, name)))
            rest = body[index + 1 + len(config) :]
            made = self._lazy_factory(name, kind, stmt, config, assignments(body))
            return updated.with_changes(body=[*body[:index], *made, *rest])
        return updated

    def _holder_creation(
        self, stmt: cst.BaseStatement, holders: dict[str, str]
    ) -> tuple[str, str] | None:
        """``_local.s = requests.Session()`` (or ``s = _local.s = ...``): the name the
        factory gives the client (``s``) and what the statement makes."""
        small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) else None
        if not isinstance(small, cst.Assign) or not isinstance(small.value, cst.Call):
            return None
        written = dotted_name(small.value.func) or ""
        kind = SESSION_MAKERS.get(self.ctx.edits.requests_aliases.get(written, written))
        targets = [code_of(t.target) for t in small.targets]
        if kind is None or not set(targets) & set(holders):
            return None
        local = next((t for t in targets if t.isidentifier() and t not in holders), None)
        holder = next(t for t in targets if t in holders)
        name = local or holder.rpartition(".")[2].strip("_").lower() or "session"
        return name, kind

    def _lazy_factory(
        self,
        name: str,
        kind: str,
        creation: cst.BaseStatement,
        config: list[cst.BaseStatement],
        bindings: dict[str, cst.Call],
    ) -> list[cst.BaseStatement]:
        assert isinstance(creation, cst.SimpleStatementLine)
        assign = creation.body[0]
        assert isinstance(assign, cst.Assign) and isinstance(assign.value, cst.Call)
        used: set[str] = set()
        client_args = requests_defaults() if kind == "requests.Session" else list(assign.value.args)
        body, pending = self._configure(name, config, client_args, bindings, used)
        client = cst.Call(func=self._httpx("AsyncClient"), args=self._with_tls(client_args))
        returned = cst.parse_statement(f"return {name}").with_changes(leading_lines=pending)
        made: list[cst.BaseStatement] = [
            cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(cst.Name(name))], client)]),
            *body,
            returned,
        ]
        if not body and not pending:
            made = [cst.SimpleStatementLine([cst.Return(client)])]
        factory_name = f"_new_{name.lstrip('_').lower()}"
        factory = cst.FunctionDef(
            name=cst.Name(factory_name),
            params=cst.Parameters(),
            body=cst.IndentedBlock(made),
            returns=cst.Annotation(cst.parse_expression(f"{self.module}.AsyncClient")),
            leading_lines=creation.leading_lines,
        )
        per_loop = cst.Call(
            cst.Name(self.ctx.use_helper(PER_LOOP)), [cst.Arg(cst.Name(factory_name))]
        )
        proxy = creation.with_changes(
            body=[assign.with_changes(value=per_loop)],
            leading_lines=[cst.EmptyLine(indent=False)],
        )
        self.ctx.add_import(self.module)
        self.ctx.maybe_remove_import("requests")
        holder = code_of(assign.targets[-1].target)
        self.ctx.note(
            self.code, self.ctx.line(creation), f"{holder}: {kind} -> AsyncClient per event loop"
        )
        return drop_unread([factory, proxy], used)


def _configures(stmt: cst.BaseStatement, names: set[str]) -> str | None:
    """Which of ``names`` (``s``, ``_local.s``) the statement sets up (``s.headers[...] =
    ...``, ``_local.s.mount(...)``), if it does only that."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    code = code_of(stmt.with_changes(leading_lines=[])).strip()
    return next((n for n in sorted(names, key=len, reverse=True) if code.startswith(n + ".")), None)


def _renamed(stmt: cst.BaseStatement, written: str, name: str) -> cst.BaseStatement:
    """``_local.s.headers[...] = ...`` as ``s.headers[...] = ...`` in the factory."""
    if written == name:
        return stmt

    class Rename(cst.CSTTransformer):
        def leave_Attribute(
            self, original: cst.Attribute, updated: cst.Attribute
        ) -> cst.BaseExpression:
            return cst.Name(name) if code_of(updated) == written else updated

        def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
            return cst.Name(name) if updated.value == written else updated

    renamed = stmt.visit(Rename())
    assert isinstance(renamed, cst.BaseStatement)
    return renamed
