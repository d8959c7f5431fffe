"""MIG001, setting a session up: the lines that configure a ``requests.Session``
after it is made, carried into the ``httpx.AsyncClient`` that replaces it.

httpx reads most settings only when a client is made, so ``session.verify =
...``, ``auth``, ``params``, ``proxies`` and ``mount(prefix, HTTPAdapter(...))``
(see ``http_transport``) become constructor arguments; what has no twin is
commented out under a TODO, since left as code it would raise AttributeError
on the client. Shared sessions (``http_sessions``) put the result in a
factory; a session made in a function keeps it in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

import libcst as cst
import libcst.matchers as m

from ...plan.edits import Pos
from ..context import Note, short_todo, todo_comment
from ..nodes import append_arg, code_of, is_keyword, keyword_arg, string_value
from .http_hooks import event_hooks, response_hooks
from .http_params import merged_params
from .http_tls import tls_args
from .http_transport import Transport, adapter_transport, mount_call, mount_pattern
from .httpx_sync_args import async_client_args
from .session_conditions import (
    MOUNT_UNPORTABLE,
    TLS_CONTEXT,
    ConditionalMounts,
    ConditionalSetup,
    mapping,
)
from .session_lines import names_read

SESSION_CONFIG_UNPORTABLE = {
    "mount": MOUNT_UNPORTABLE,
    "verify": "httpx sets verify= when the client is made: pass it to httpx.AsyncClient(...)",
    "cert": "httpx sets cert= when the client is made: pass it to httpx.AsyncClient(...)",
    "proxies": "httpx takes proxy=/mounts= when the client is made",
    "hooks": "use event_hooks= with async functions on httpx.AsyncClient",
    "adapters": "HTTPAdapter has no httpx twin",
}
# Set on a session after the function that made it: what no client takes then.
LATE_UNPORTABLE = {
    **SESSION_CONFIG_UNPORTABLE,
    "trust_env": "httpx takes trust_env= when the client is made",
    "stream": "httpx streams with client.stream(), not a session flag",
}
RETRY_DETAIL = (
    "urllib3's Retry also retried reads that failed (read=, other=); httpx's transport"
    " retries only connections that could not be made: retry in your code where it matters"
)
# Session attributes httpx takes as the client's constructor arguments.
CONSTRUCTOR_ATTRS = {
    name: name
    for name in ("verify", "cert", "auth", "params", "cookies", "trust_env", "max_redirects")
}
# What sets a session up (as opposed to using it), wherever it stands after
# the session is made.
SETUP_ATTRS = (*CONSTRUCTOR_ATTRS, "headers", "proxies", "hooks", "mount", "adapters")
# Imports only unportable session configuration used (dropped once unused).
UNPORTABLE_IMPORTS = (
    ("requests.adapters", "HTTPAdapter"),
    ("urllib3.util.retry", "Retry"),
    ("urllib3.util", "Retry"),
    ("urllib3", "Retry"),
    # requests' vendored alias of urllib3 (pycoingecko imports Retry from there).
    ("requests.packages.urllib3.util.retry", "Retry"),
    ("requests.packages.urllib3.util", "Retry"),
)


class SessionSetup(ConditionalSetup):
    def _with_tls(self, client_args: list[cst.Arg]) -> list[cst.Arg]:
        """The shared TLS context, unless the client is given its own ``verify=``;
        a sync httpx client's arguments as an AsyncClient takes them."""
        client_args = async_client_args(client_args, self._httpx, self.ctx.use_helper)
        client_args = tls_args(client_args, self.ctx.use_helper)
        if any(
            a.keyword is not None and a.keyword.value in ("verify", "transport")
            for a in client_args
        ):
            return client_args
        return append_arg(
            client_args, keyword_arg("verify", cst.Name(self.ctx.use_helper(TLS_CONTEXT)))
        )

    def _configure(
        self,
        name: str,
        config: list[cst.BaseStatement],
        client_args: list[cst.Arg],
        bindings: dict[str, cst.Call],
        used: set[str],
        in_place: bool = False,
    ) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]]:
        """The session's configuration: the statements that stay, and TODO lines.

        The TODO lines of a statement that goes stand before the next one that
        stays, unless the statements stay ``in_place`` (unchanged).

        ``session.verify = x`` (and ``cert``, ``auth``, ``params``, ...) become
        arguments of the client (httpx reads some only when the client is
        made); ``session.mount(prefix, HTTPAdapter(...))`` becomes its
        transport. What has no httpx twin (custom adapters, hooks) is kept as
        a comment under a TODO: left as code it would raise AttributeError on
        the first request.
        """
        body: list[cst.BaseStatement] = []
        pending: list[cst.EmptyLine] = []
        mounts: list[tuple[str, Transport, cst.BaseStatement]] = []
        conditional: list[ConditionalMounts] = []

        for stmt in config:
            if isinstance(stmt, cst.If):
                # ``if retries: session.mount(...)`` (see session_conditions).
                pending += self._conditional(name, stmt, client_args, bindings, conditional)
                continue
            assert isinstance(stmt, cst.SimpleStatementLine)
            arg = self._constructor_arg(name, stmt.body[0], client_args)
            if arg is not None:
                client_args[:] = [a for a in client_args if not is_keyword(a, arg.keyword.value)]  # type: ignore[union-attr]
                client_args[:] = append_arg(client_args, arg)
                continue
            mount = mount_call(stmt, name)
            if mount is not None:
                pattern = mount_pattern(mount[0])
                transport = adapter_transport(mount[1], bindings, self._httpx)
                if pattern is not None and transport is not None:
                    mounts.append((pattern, transport, stmt))
                    continue
            stmt = event_hooks(stmt, name, self._response_hook) or self._session_headers(stmt, name)
            code = code_of(stmt.with_changes(leading_lines=[]))
            why = next(
                (
                    why
                    for attr, why in SESSION_CONFIG_UNPORTABLE.items()
                    if f"{name}.{attr}" in code
                ),
                None,
            )
            if why is None and in_place:
                body.append(stmt)
            elif why is None:
                body.append(stmt.with_changes(leading_lines=[*pending, *stmt.leading_lines]))
                pending = []
            else:
                pending += self._commented_out(stmt, why)
            continue
        if mounts:
            pending += self._transports(mounts, client_args, used)
        for block in conditional:
            pending += self._transports(block.mounts, client_args, used, block.test)
        for module, obj in UNPORTABLE_IMPORTS:
            self.ctx.maybe_remove_import(module, obj)
        return body, pending

    def _late_setup(
        self,
        block: cst.IndentedBlock,
        body: list[cst.BaseStatement],
        attrs: dict[str, str],
        sessions: Set[str] = frozenset(),
    ) -> cst.IndentedBlock:
        """``session.verify = False`` in a function other than the one that made
        the session (a module's, or ``self.<attr>`` of ``attrs``), or in a block
        after a module's ``sessions``: httpx reads it only when a client is made,
        and on the client the line would set an attribute nothing reads (or
        replace ``stream()``), so it is kept as a comment under a TODO."""
        owners = {f"self.{attr}" for attr in attrs} | set(sessions)
        if len(self.functions) > 1:
            owners |= set(self.ctx.edits.shared_clients) - self.functions[-1].local
        if not owners:
            return block.with_changes(body=body)
        out: list[cst.BaseStatement] = []
        pending: list[cst.EmptyLine] = []
        for stmt in body:
            for owner in owners:
                stmt = event_hooks(stmt, owner, self._response_hook) or stmt
            code = code_of(stmt.with_changes(leading_lines=[])).strip()
            why = next(
                (
                    why
                    for owner in owners
                    for attr, why in LATE_UNPORTABLE.items()
                    if isinstance(stmt, cst.SimpleStatementLine)
                    and re.match(rf"{re.escape(owner)}\.{attr}\b", code)
                ),
                None,
            )
            if why is not None:
                assert isinstance(stmt, cst.SimpleStatementLine)
                pending += self._commented_out(stmt, why)
                continue
            out.append(_lines_above(stmt, pending))
            pending = []
        if pending and not out:
            out.append(cst.SimpleStatementLine([cst.Pass()], leading_lines=pending))
            pending = []
        return block.with_changes(body=out, footer=[*pending, *block.footer])

    def _response_hook(self, hook: cst.BaseExpression) -> cst.Call:  # as an event hook
        return cst.Call(func=cst.Name(self.ctx.use_helper("response_hook")), args=[cst.Arg(hook)])

    def _local_session(
        self, name: str, client: cst.Call, body: Sequence[cst.BaseStatement]
    ) -> tuple[cst.Call, list[cst.BaseStatement]]:
        """A session made in a function (``s = requests.Session()`` or ``with``):
        the lines that set it up after it is made go into its constructor."""
        hooked = [event_hooks(stmt, name, self._response_hook) or stmt for stmt in body]
        body = self._sessions_headers(hooked, name)
        config = [stmt for stmt in body if sets_up(stmt, name)]
        if not config:
            return client, list(body)
        client_args = list(client.args)
        used: set[str] = set()
        kept, pending = self._configure(
            name, config, client_args, assignments(body), used, in_place=True
        )
        gone = {id(stmt) for stmt in config} - {id(stmt) for stmt in kept}
        out: list[cst.BaseStatement] = []
        for stmt in body:
            if id(stmt) in gone:
                continue
            out.append(_lines_above(stmt, pending))
            pending = []
        if pending:
            out.append(cst.SimpleStatementLine([cst.Pass()], leading_lines=pending))
        return client.with_changes(args=self._with_tls(client_args)), drop_unread(out, used)

    def _constructor_arg(
        self, name: str, small: cst.BaseSmallStatement, client_args: Sequence[cst.Arg]
    ) -> cst.Arg | None:
        """``session.auth = x`` -> ``auth=x`` for the client's constructor."""
        if m.matches(
            small,
            m.Assign(targets=[m.AssignTarget(m.Attribute(m.Name(name), attr=m.Name()))]),
        ):
            assert isinstance(small, cst.Assign)
            attr = cst.ensure_type(small.targets[0].target, cst.Attribute).attr.value
            if attr == "params":
                # Merged into every request's query: sent as requests sends them.
                value = small.value
                added = merged_params(value, name)
                if added is not None:
                    # ``session.params.update(...)`` on the new session (http_params).
                    given = next((a.value for a in client_args if is_keyword(a, "params")), None)
                    value = added if given is None else _merged(given, added)
                return keyword_arg("params", self._as_requests_sends(value))
            if attr in CONSTRUCTOR_ATTRS:
                return keyword_arg(CONSTRUCTOR_ATTRS[attr], small.value)
            if attr == "proxies":
                return self._proxy_arg(small.value)
        if m.matches(
            small,
            m.Expr(
                m.Call(
                    func=m.Attribute(m.Attribute(m.Name(name), m.Name("proxies")), m.Name("update"))
                )
            ),
        ):
            call = cst.ensure_type(cst.ensure_type(small, cst.Expr).value, cst.Call)
            if len(call.args) == 1 and not call.args[0].keyword:
                return self._proxy_arg(call.args[0].value)
        return None

    def _client_only_todos(self, client_args: list[cst.Arg], line: int, pos: Pos) -> None:
        """A TODO for each argument of a request through a kept client that httpx
        takes only on the client, unless the client made for it takes it (see
        plan/client_settings.py); one handed in instead keeps its own."""
        moved, given = self.ctx.edits.moved_settings.get(pos, (frozenset(), False))
        for arg in client_args:
            name = arg.keyword.value if arg.keyword else code_of(arg.value)
            if name not in moved:
                why = "is set on the client in httpx, not per request"
            elif given:
                why = "is the client's in httpx: one handed in keeps its own"
            else:
                continue
            self.ctx.todo(line, self.code, f"{name}= {why}")

    def _one_off_client_args(self, client_args: list[cst.Arg], line: int) -> list[cst.Arg]:
        """Per-request ``verify=``/``cert=``/``hooks=`` as the one-off client's (see
        http_hooks); ``proxies=`` as ``proxy=`` when one URL serves every scheme."""
        out = []
        for arg in client_args:
            key = arg.keyword.value if arg.keyword else ""
            proxy = self._proxy_arg(arg.value) if key == "proxies" else None
            if proxy is not None:
                out.append(proxy)
            elif key == "proxies":
                self.ctx.todo(line, self.code, "proxies= per scheme: mounts= with proxy transports")
            elif key == "hooks" and (hooks := response_hooks(arg.value, self._response_hook)):
                out.append(keyword_arg("event_hooks", hooks))
            elif key == "hooks":
                self.ctx.todo(line, self.code, "hooks= -> event_hooks= with async functions")
            else:
                out.append(arg)
        return out

    def _proxy_arg(self, value: cst.BaseExpression) -> cst.Arg | None:
        """``{"http": url, "https": url}`` -> ``proxy=url``: httpx takes one proxy
        for every scheme; different ones per scheme are left to a TODO."""
        if not isinstance(value, cst.Dict) or not value.elements:
            return None
        urls = set()
        for element in value.elements:
            if not isinstance(element, cst.DictElement):
                return None
            if string_value(element.key) not in ("http", "https", "all"):
                return None
            urls.add(code_of(element.value))
        if len(urls) != 1:
            return None
        first = value.elements[0]
        assert isinstance(first, cst.DictElement)
        return keyword_arg("proxy", first.value)

    def _transports(
        self,
        mounts: list[tuple[str, Transport, cst.BaseStatement]],
        client_args: list[cst.Arg],
        used: set[str],
        test: cst.BaseExpression | None = None,
    ) -> list[cst.EmptyLine]:
        """``transport=`` (or ``mounts=``) for the client, under ``test`` when the
        mounts were; TODO lines for what stays behind."""
        tls = [a for a in client_args if is_keyword(a, "verify") or is_keyword(a, "cert")]
        if not any(is_keyword(a, "verify") for a in tls):
            tls.insert(0, keyword_arg("verify", cst.Name(self.ctx.use_helper(TLS_CONTEXT))))
            if test is not None:
                # Without the transport, the client verifies as every other one does.
                client_args[:] = append_arg(client_args, tls[0])
        todos: list[cst.EmptyLine] = []
        made: dict[str, cst.Call] = {}
        for pattern, transport, stmt in mounts:
            args: list[cst.Arg] = []
            for arg in [*transport.args, *tls]:
                args = append_arg(args, arg.with_changes(comma=cst.MaybeSentinel.DEFAULT))
            made[pattern] = cst.Call(self._httpx("AsyncHTTPTransport"), args)
            if transport.on_status is not None:
                retrying = cst.Name(self.ctx.use_helper("RetryTransport"))
                made[pattern] = cst.Call(retrying, [cst.Arg(made[pattern]), *transport.on_status])
            used |= transport.used
            self.ctx.note(self.code, self.ctx.line(stmt), f"mount({pattern!r}) -> transport")
            for what in transport.unported:
                short, _ = short_todo(f"{what} not carried: httpx retries connections only")
                comment = cst.EmptyLine(comment=cst.Comment(todo_comment(self.code, short)))
                if any(line.deep_equals(comment) for line in todos):
                    continue
                todos.append(comment)
                self.ctx.notes.append(
                    Note(self.code, self.ctx.line(stmt), short, todo=True, detail=RETRY_DETAIL)
                )
        codes = {code_of(call) for call in made.values()}
        key, value = "mounts", mapping(made)
        if set(made) == {"http://", "https://"} and len(codes) == 1:
            if test is None:
                client_args[:] = [a for a in client_args if a not in tls]
            key, value = "transport", made["https://"]
        if test is not None:
            if any(is_keyword(a, key) for a in client_args):
                return [*todos, *self._commented_out_mounts(mounts)]  # one taken already
            value = cst.IfExp(test=test, body=value, orelse=cst.Name("None"))
        client_args[:] = append_arg(client_args, keyword_arg(key, value))
        return todos

    def _with_session(self, original: cst.With, updated: cst.With) -> cst.With:
        """``with requests.Session() as s:`` and the lines setting ``s`` up."""
        if len(original.items) != 1 or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        item, new_item = original.items[0], updated.items[0]
        entered = self.ctx.pos(self.ctx.entered(item)) or (0, 0, 0, 0)
        kind = self.ctx.edits.client_constructors.get(entered, "")
        if not (
            kind.startswith("requests")
            and item.asname is not None
            and isinstance(item.asname.name, cst.Name)
            and isinstance(new_item.item, cst.Call)
        ):
            return updated
        client, body = self._local_session(item.asname.name.value, new_item.item, updated.body.body)
        return updated.with_changes(
            items=[new_item.with_changes(item=client)], body=updated.body.with_changes(body=body)
        )

    def _assigned_sessions(
        self, original: cst.IndentedBlock, body: list[cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        """``s = requests.Session()`` in a function and the lines setting ``s`` up."""
        if len(original.body) != len(body):
            return body
        for index, stmt in enumerate(original.body):
            assign = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) else None
            if not (
                isinstance(assign, cst.Assign)
                and len(assign.targets) == 1
                and isinstance(assign.targets[0].target, cst.Name)
                and self.ctx.edits.client_constructors.get(
                    self.ctx.pos(assign.value) or (0, 0, 0, 0), ""
                ).startswith("requests")
            ):
                continue
            new = body[index]
            new_assign = new.body[0] if isinstance(new, cst.SimpleStatementLine) else None
            if not (isinstance(new_assign, cst.Assign) and isinstance(new_assign.value, cst.Call)):
                continue
            client, rest = self._local_session(
                assign.targets[0].target.value, new_assign.value, body[index + 1 :]
            )
            new = new.with_changes(body=[new_assign.with_changes(value=client)])
            # One session per block is set up this way (the first); the setup
            # lines of another stay as written, under the plan's review item.
            return [*body[:index], new, *rest]
        return body


def _lines_above(stmt: cst.BaseStatement, lines: list[cst.EmptyLine]) -> cst.BaseStatement:
    """``stmt`` with comment ``lines`` (a line taken out before it) above it."""
    if not lines:
        return stmt
    return stmt.with_changes(leading_lines=[*stmt.leading_lines, *lines])  # type: ignore[attr-defined]


def assignments(body: Sequence[cst.BaseStatement]) -> dict[str, cst.Call]:
    """``retry = Retry(...)``-like assignments of a block, by name (the last one wins)."""
    out: dict[str, cst.Call] = {}
    for stmt in body:
        if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
            continue
        small = stmt.body[0]
        if (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
            and isinstance(small.value, cst.Call)
        ):
            out[small.targets[0].target.value] = small.value
    return out


def drop_unread(body: list[cst.BaseStatement], used: set[str]) -> list[cst.BaseStatement]:
    """Assignments whose value moved into a transport go, unless something else reads
    them; until none is left, as ``retry = Retry(...)`` is read only by ``adapter =
    HTTPAdapter(max_retries=retry)``, which goes first."""
    if not used:
        return body
    read = [names_read(stmt) for stmt in body]
    out = []
    for index, stmt in enumerate(body):
        target = _binding_target(stmt)
        # ``retries = Retry(total=retries)``: the client made above it now reads
        # ``total``'s ``retries``, the one bound before; a factory run later would
        # see the Retry instead, unless the line goes.
        rebinds = target in read[index]
        if target in used and not any(
            target in r for i, r in enumerate(read) if i > index or (i < index and not rebinds)
        ):
            continue
        out.append(stmt)
    return out if len(out) == len(body) else drop_unread(out, used)


def _binding_target(stmt: cst.BaseStatement) -> str | None:
    if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
        small = stmt.body[0]
        if isinstance(small, cst.Assign) and isinstance(small.targets[0].target, cst.Name):
            return small.targets[0].target.value
    return None


def sets_up(stmt: cst.BaseStatement, name: str) -> bool:
    """``session.mount(...)``, ``session.verify = ...``: setting a session up."""
    code = code_of(stmt.with_changes(leading_lines=[])).strip()
    return isinstance(stmt, cst.SimpleStatementLine) and any(
        code.startswith(f"{name}.{what}") for what in SETUP_ATTRS
    )


def sets_up_self_attr(stmt: cst.BaseStatement, attr: str) -> bool:
    """``self.session.mount(...)``, ``self.session.auth = ...``: setting the session up."""
    code = code_of(stmt).strip()
    return isinstance(stmt, cst.SimpleStatementLine) and any(
        code.startswith(f"self.{attr}.{what}") for what in SETUP_ATTRS
    )


def _merged(given: cst.BaseExpression, added: cst.Dict) -> cst.Dict:
    """``{**given, <added>}``: the constructor's params with a later update's."""
    if isinstance(given, cst.Call) and len(given.args) == 1:
        given = given.args[0].value  # requests_values(...): applied again to the whole
    base: list[cst.BaseDictElement] = (
        list(given.elements) if isinstance(given, cst.Dict) else [cst.StarredDictElement(given)]
    )
    elements = [e.with_changes(comma=cst.MaybeSentinel.DEFAULT) for e in (*base, *added.elements)]
    return cst.Dict(elements)
