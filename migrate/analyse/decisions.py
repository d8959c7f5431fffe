"""What the project-wide analysis decides, as plain data.

Which functions become async and why (:class:`Reason`), where bridges go
(:class:`Bridge`), which bridges of an earlier step come out
(:class:`Unwind`), which test fakes become async (:class:`Fake`), what is
left to a person (:class:`Review`), all gathered in a :class:`Colouring`;
and the part of the project the user asked to migrate (:class:`Scope`).
:mod:`migrate.analyse.colour` fills them, the plan reads them.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .catalogue import BlockingCall
from .frameworks import AsgirefBridge
from .graph import Edge
from .model import Function, Span
from .verb_tables import VerbTable

# "blocking": a catalogue call; "calls": an async function; "wraps": a decorator's target;
# "given": a function handed to it, which it calls (see ``passed``); "handed": it is
# handed, with async functions, to a function that calls (and now awaits) it; "named":
# a test's stand-in for the project's methods of its name, which code awaits by that name.
ReasonKind = Literal["blocking", "calls", "wraps", "decorated", "given", "handed", "named"]
# "thread_items": a sync generator that blocks, iterated by async code, takes each
# item on a worker thread (``async for x in thread_items(g(...))``).
BridgeKind = Literal["async_to_sync", "sync_to_async", "asyncio.run", "run_soon", "thread_items"]


@dataclass(frozen=True)
class Reason:
    """Why a function becomes async: it calls ``callee`` at ``span``."""

    callee: str
    span: Span
    kind: ReasonKind
    blocking: BlockingCall | None = None
    # The call is taken for ``callee`` by the method's name alone (see by_name), or
    # by the attribute it is made on, which holds one class wherever it is set.
    by_name: bool = False
    held_in: str = ""
    # The call is on a name typed by the methods called through it (see used_types).
    used_through: str = ""


@dataclass(frozen=True)
class Bridge:
    """A sync caller reaching async code, or async code reaching blocking sync code."""

    function: str  # where the bridge goes
    callee: str
    span: Span
    kind: BridgeKind
    why: str
    thread_sensitive: bool = False
    is_reference: bool = False  # the callee is handed over, not called
    # Handed to a sync API that calls it before returning (``sorted(key=f)``): the
    # bridge runs while its holder runs, as a call's does.
    called_at_once: bool = False
    text: str = ""  # the reference as written, for is_reference bridges
    # Its holder is a dunder Python runs wherever (``==``, ``str()``): async code
    # may run it on its loop's thread, where async_to_sync raises (see block_on).
    anywhere: bool = False


@dataclass(frozen=True)
class Unwind:
    """A bridge from an earlier step that is no longer needed: ``async_to_sync(f)(x)``
    in code that is now async becomes ``await f(x)``; ``sync_to_async(g)(x)`` of a
    function that is now async becomes ``g(x)``."""

    function: str
    callee: str
    span: Span  # the bridge call: ``async_to_sync(f)``
    kind: AsgirefBridge


@dataclass(frozen=True)
class Fake:
    """A test's stand-in for a function that became async: it must be async too."""

    function: str  # the test that patches
    target: str  # what it replaces
    span: Span  # the fake as passed
    fake: str | None  # the fake function's qualname; None for a lambda or a mock
    wrap: bool = False  # a lambda or other callable: ``AsyncMock(side_effect=<it>)``
    mock: bool = False  # ``MagicMock(...)``: becomes ``AsyncMock(...)``
    # ``time.sleep`` patched where the code now awaits ``asyncio.sleep``: the
    # target as written (string or owner object), patched on asyncio instead.
    retarget: Span | None = None
    # A requests session's method reached through a project object
    # (``stock.session.get = Mock(...)``): the module holding the session; the
    # fake is async only once that module's requests calls move to httpx.
    session_of: str | None = None
    # The fake stands for the whole session (``stock.session = Mock()``).
    client: bool = False
    # ``mock.patch("pkg.Site")``: the MagicMock stands in for a project class (and
    # its instances) some of whose methods became async; with ``client``, the
    # MagicMock ``patch.object(stock, "session")`` makes for the whole session.
    stand_in: bool = False
    # ``page.revisions = Mock(return_value=iter([]))`` where what ``revisions`` gives is
    # now an async iterator: the mock's ``return_value`` gives its items asynchronously.
    items: bool = False
    # ``new_callable=PropertyMock`` for a property that gives an async generator now:
    # reading it must give the items its ``return_value`` lists asynchronously.
    item_property: bool = False
    # ``storages=[MockStorage("a")]`` on a mock standing in for an object whose
    # ``storages`` gives an async generator now: a list the code takes with ``async for``.
    item_list: bool = False
    # A fake of urllib's urlopen where the code now sends through httpx: what the
    # code handed urlopen ("request" or "url"), and the patch's target as written
    # (see analyse/urlopen_fakes.py).
    urlopen: Literal["", "request", "url"] = ""
    # The code read urlopen's answer in a ``with`` block: what it read is what
    # entering the fake's answer gives.
    urlopen_entered: bool = False
    # A lambda set on a class in place of a method, taking the instance as it did
    # (``lambda self: True``): an async function, bound as a method, not an AsyncMock.
    method: bool = False
    owner: Span | None = None
    # A fixture's ``MagicMock()`` handed to a class that now awaits these of its
    # methods (see analyse/handed_mocks.py): ``MagicMock(get=AsyncMock())``; one
    # written ``get()`` stands for a request method, whose response is a plain
    # object: ``AsyncMock(return_value=MagicMock())``, configured as before.
    mock_methods: tuple[str, ...] = ()
    # A fake class's ``__call__`` calling the function it was handed, async now (see
    # analyse/spies.py): where, to be awaited.
    spied: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Review:
    """Something the toolkit will not rewrite by itself."""

    function: str
    span: Span
    reason: str
    # Applied as planned, the code would call a function that became async without
    # awaiting it (or hand it where nothing can): apply writes nothing unless told.
    unawaited: bool = False


@dataclass
class Colouring:
    async_functions: dict[str, Reason] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # callees before callers
    await_sites: list[tuple[str, Edge]] = field(default_factory=list)
    bridges: list[Bridge] = field(default_factory=list)
    offloads: list[Bridge] = field(default_factory=list)
    sync_blocking: dict[str, tuple[bool, str]] = field(default_factory=dict)
    boundaries: dict[str, str] = field(default_factory=dict)
    review: list[Review] = field(default_factory=list)
    unwinds: list[Unwind] = field(default_factory=list)
    http_verbs: dict[str, set[str]] = field(default_factory=dict)
    # Functions sending the method a parameter holds (``def call(method, path)``): their
    # methods with ``param:method`` for it; each call site sends what it gives it
    # (see ``analyse/methods.py``). ``http_verbs`` has "REQUEST" (any method) instead.
    verbs_with_params: dict[str, set[str]] = field(default_factory=dict)
    fakes: list[Fake] = field(default_factory=list)
    # Blocking functions used as values (``retry_call(requests.get, url)``):
    # (function, where, as written); their calls stay blocking.
    blocking_values: list[tuple[str, Span, str]] = field(default_factory=list)
    # ``self.assertRaises(E, f, x)`` in async code, f async now: (function, the
    # call, the index of f among its arguments); see raises_calls.
    raises_calls: list[tuple[str, Span, int]] = field(default_factory=list)
    # Methods that become async under another name (``close`` -> ``aclose``).
    renamed: dict[str, str] = field(default_factory=dict)
    # Properties that keep a sync form for some readers: their async twin's name
    # (see properties.twin_property), once they become async; and setters an
    # assignment runs, ``aset_token`` (see twinned.setter_twin).
    property_twins: dict[str, str] = field(default_factory=dict)
    # Functions handed to a receiver that now awaits them (see ``passed``): the
    # receivers' calls of their parameter (function, where), awaited now; and
    # request functions or client methods handed over in their async form.
    param_awaits: list[tuple[str, Span]] = field(default_factory=list)
    # The same for generators handed over: their calls are iterated with ``async for``.
    param_iterations: list[tuple[str, Span]] = field(default_factory=list)
    # Loops over what may be an async iterator or a plain iterable (see
    # either_iterables): (function, the iteration), through ``async_iter``.
    either_iterations: list[tuple[str, Span]] = field(default_factory=list)
    passed_values: list[tuple[str, Span, str, BlockingCall]] = field(default_factory=list)
    # Calls a lambda returns to a receiver that awaits what it calls (``with_retries(
    # lambda: fetch(url))``): left as they are, their coroutine awaited there.
    lambda_returns: set[tuple[str, Span]] = field(default_factory=set)
    # Dicts of request functions called through their items (see verb_tables).
    verb_tables: list[VerbTable] = field(default_factory=list)
    # ``getattr(session, method)`` calls whose verb is called with a body (``data=``):
    # httpx's get and head take none, so they become ``session.request(method, ...)``.
    request_lookups: list[tuple[str, Span]] = field(default_factory=list)
    # ``fn = getattr(requests, method)`` then ``fn(url)``: the lookup's span, and the
    # statements a client made for them spans (see kept_lookups.statements_through).
    one_off_lookups: list[tuple[str, Span, Span]] = field(default_factory=list)
    # The calls of a client's verbs looked up by getattr: each gives the client's response.
    looked_up_calls: list[tuple[str, Span]] = field(default_factory=list)
    # Sessions that become httpx.AsyncClients, as graph.session_key names them
    # (``(class, attr)``, ``(function, name)``): their annotations follow.
    converted_sessions: set[tuple[str, str]] = field(default_factory=set)

    def is_async(self, qualname: str) -> bool:
        return qualname in self.async_functions

    def now_async(self, fn: Function) -> bool:
        """Whether ``fn`` is async after migration: already, or made so."""
        return fn.is_async or fn.qualname in self.async_functions


@dataclass(frozen=True)
class Scope:
    """What the user asked to migrate now (qualified-name globs)."""

    select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def excluded(self, qualname: str, path: str) -> bool:
        def match(patterns: Iterable[str]) -> bool:
            return any(
                fnmatch.fnmatch(qualname, p)
                or qualname.startswith(p + ".")
                or fnmatch.fnmatch(path, p)
                for p in patterns
            )

        if self.exclude and match(self.exclude):
            return True
        return bool(self.select) and not match(self.select)
