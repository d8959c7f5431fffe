"""MIG001, ``requests.auth.AuthBase`` subclasses -> ``httpx.Auth``.

requests calls an auth with the prepared request and sends what it returns;
httpx drives ``auth_flow``, a generator that yields the request to send. The
analysis (``analyse/subclasses.py``) converts a class only when its
``__call__(self, r)`` uses what an ``httpx.Request`` has with the same meaning
(``r.headers``, ``r.method``) and returns ``r``: the base becomes
``httpx.Auth``, ``__call__`` becomes ``auth_flow`` and ``return r`` becomes
``yield r``. Instances passed as ``auth=`` keep working.
"""

from __future__ import annotations

import libcst as cst

from .base import on_leave
from .http_common import HttpRuleBase


class AuthRewrites(HttpRuleBase):
    def _in_auth_class(self, depth: int) -> bool:
        scope = self.ctx.scope
        owner = ".".join([self.ctx.edits.module, *scope[: len(scope) - depth]])
        return len(scope) > depth and owner in self.ctx.edits.auth_subclasses

    @on_leave(cst.ClassDef)
    def leave_auth_class(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        if self.ctx.qualname not in self.ctx.edits.auth_subclasses:
            return updated
        bases = self._httpx_bases(updated, "Auth")
        self.ctx.maybe_remove_import("requests")
        self.ctx.maybe_remove_import("requests.auth", "AuthBase")
        self.ctx.note(self.code, self.ctx.line(original), "requests AuthBase -> httpx.Auth")
        return updated.with_changes(bases=bases)

    def _httpx_bases(self, cls: cst.ClassDef, base: str) -> list[cst.Arg]:
        """The bases, the requests one (the only positional base) -> ``httpx.<base>``."""
        return [
            arg.with_changes(value=self._httpx(base)) if arg.keyword is None else arg
            for arg in cls.bases
        ]

    @on_leave(cst.FunctionDef)
    def leave_auth_call(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if original.name.value != "__call__" or not self._in_auth_class(1):
            return updated
        return updated.with_changes(name=cst.Name("auth_flow"))

    @on_leave(cst.Return)
    def leave_auth_return(self, original: cst.Return, updated: cst.Return) -> cst.Return | cst.Expr:
        if self.ctx.scope[-1:] != ["__call__"] or not self._in_auth_class(1):
            return updated
        return cst.Expr(cst.Yield(updated.value))
