"""What the plan asks of each file, in positions libcst can match.

:class:`FileEdits` is the part of the plan the rewrite carries out: it says
what changes where, and the rewrite only does it.

The analysis speaks in ``ast`` positions (UTF-8 byte columns); libcst counts
characters. Everything is converted here, once, so rules only compare
``(line, column)`` pairs. The module is long because every rule's edits are
converted in this one place, so no rule reads analysis positions itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..analyse import generators
from ..analyse.catalogue import CONSTRUCTORS, CONTEXT_ENTRIES, Action, BlockingCall, lookup
from ..analyse.concurrency import Spot
from ..analyse.decisions import Bridge, BridgeKind, Colouring, Fake
from ..analyse.frameworks import (
    ASYNC_POST_INIT,
    SESSION_PARAMS_CHANGES,
    UNITTEST_ASYNC_HOOKS,
    AsgirefBridge,
)
from ..analyse.gathers import GatherEdit
from ..analyse.graph import CallGraph, session_key
from ..analyse.model import Call, Function, ModuleFacts, Span
from ..analyse.named_read_kinds import read_kinds
from ..analyse.none_given import none_given
from ..analyse.project import Project
from ..analyse.quart import SharedClient, quart_facts
from ..analyse.response_attrs import response_attributes
from ..analyse.responses import ResponseFlow, Verdict
from ..analyse.run import Analysis
from ..analyse.subclasses import AUTH_BASES, REQUEST_METHODS, SESSION_BASES, requests_view
from ..analyse.twins import SETTER
from . import reexports
from .aliases import AliasEdit, BridgeAliases, unwound_aliases
from .client_settings import client_settings
from .closings import plan_closings
from .factories import plan_factories
from .mock_scope import Mixed, scope_mocks
from .urllib_errors import Kind, error_sources, mentions_urllib_errors

# A ``self.<attr>`` client made by a requests.Session subclass that became an
# AsyncClient subclass: the per-loop factory makes it with the same call.
SUBCLASS_CLIENT = "subclass"

# (start line, start column, end line, end column): calls can share a start.
Pos = tuple[int, int, int, int]


@dataclass(frozen=True)
class BridgeEdit:
    kind: BridgeKind
    thread_sensitive: bool = False
    is_reference: bool = False
    text: str = ""
    # ``sync_to_async`` through the module's alias: ``await load(...)``.
    alias: str = ""
    # The callee became an async generator: sync code gets its items as a list,
    # ``async_to_sync(collect)(gen(...))``, not a coroutine it cannot iterate;
    # "iter" where ``next()`` takes it, which wants an iterator ("list" otherwise).
    collect: Literal["", "list", "iter"] = ""
    # Waits through the ``block_on`` helper, which works on a running loop too
    # (a dunder Python runs wherever: ``block_on(get(url))``).
    anywhere: bool = False
    # Offloads ``open()``: a file used at once (``open(p, "w").write(s)``) is
    # written and closed in the same trip to the worker thread (see bridges).
    opens_file: bool = False


@dataclass(frozen=True)
class HttpEdit:
    """A catalogue HTTP call inside code that becomes async."""

    entry: BlockingCall
    on_shared_client: bool  # through a module-global session/client


@dataclass(frozen=True)
class GatherAt:
    """A safe spot's :class:`GatherEdit` in libcst positions.

    Statements are matched by where they start; expressions by their whole span.
    """

    spot: Spot
    edit: GatherEdit
    anchor: Pos
    fetches: tuple[Pos, ...]
    drop: frozenset[tuple[int, int]]
    hoist: tuple[int, int] | None = None
    caught: tuple[int, int] | None = None  # where the try the outcomes are taken in starts
    # Parts of the calls computed before the gather: where each is -> its name.
    computed: tuple[tuple[Pos, str], ...] = ()

    def fetch_index(self, pos: Pos) -> int | None:
        return self.fetches.index(pos) if pos in self.fetches else None


@dataclass(frozen=True)
class QuartEdits:
    """What the Quart stage (MIG011) needs to know beyond the file itself."""

    #: Per-loop clients defined in this module (they become one per process).
    clients: tuple[SharedClient, ...] = ()
    #: Clients the app factory here opens and closes: (client name, module reference).
    opened_here: tuple[tuple[str, str], ...] = ()
    #: ``from <package> import <name>`` the factory needs for those references.
    relative_imports: tuple[tuple[str, str], ...] = ()
    #: Fixtures that hand out a test client.
    client_fixtures: frozenset[str] = frozenset()


@dataclass
class FileEdits:
    """Every edit the plan makes in one file (empty collections: none of that kind)."""

    module: str
    path: Path
    async_functions: set[str] = field(default_factory=set)
    # Parameters a caller may give None (see analyse/none_given), by function.
    none_params: dict[str, frozenset[str]] = field(default_factory=dict)
    # Plain functions handing back an async generator now (relays, abstract methods
    # overridden by async generators): their ``-> Iterator[T]`` is ``AsyncIterator[T]``.
    async_iterator_returns: set[str] = field(default_factory=set)
    # Memoising decorators of functions that become async -> the memoiser
    # (``functools.lru_cache``): they become the ``async_memo`` helper.
    async_memos: dict[Pos, str] = field(default_factory=dict)
    # Calls of an ``__init__`` that became async: ``C(...)`` -> ``C.create(...)``
    # ("create"), ``super().__init__(...)`` -> ``super()._async_init(...)`` ("super").
    init_calls: dict[Pos, Literal["create", "super"]] = field(default_factory=dict)
    # Classes that get the ``create`` factory (their bases have none to inherit).
    factories: set[str] = field(default_factory=set)
    post_init_factories: set[str] = field(default_factory=set)  # dataclasses: see above
    # Of ``factories``, classes with subclasses: ``create(cls, *args, **kwargs)``.
    forwarding_factories: set[str] = field(default_factory=set)
    awaits: set[Pos] = field(default_factory=set)
    async_iterations: set[Pos] = field(default_factory=set)
    # A dict of request functions called through its items: each value's verb, and
    # the calls ``VERBS[method](url)`` (see analyse/verb_tables.py).
    verb_values: dict[Pos, str] = field(default_factory=dict)
    verb_calls: set[Pos] = field(default_factory=set)
    # ``getattr(session, method)`` -> ``session.request`` with the method (see
    # analyse/values.py BODY_KEYWORDS).
    request_lookups: set[Pos] = field(default_factory=set)
    # The calls of what those lookups give (``func(url, **options)``): requests' arguments.
    looked_up_calls: set[Pos] = field(default_factory=set)
    # ``fn = getattr(requests, method)`` kept and called after: the lookup, and the
    # first and last lines of the statements its one-off client spans.
    one_off_lookups: dict[Pos, tuple[int, int]] = field(default_factory=dict)
    # ``new_callable=PropertyMock`` patching a property that gives an async
    # generator now: ``new_callable=AsyncItemsPropertyMock``.
    fake_item_properties: set[Pos] = field(default_factory=set)
    # A list a stand-in mock gives for such a property (see analyse/stand_ins.py):
    # ``AsyncItemsList([...])``.
    fake_item_lists: set[Pos] = field(default_factory=set)
    # Async generator calls handed to a builtin that takes their items
    # (``list(g())``): position of the generator call -> the builtin.
    async_consumers: dict[Pos, str] = field(default_factory=dict)
    # ``islice``/``enumerate``/``zip`` calls a loop iterates, handed such a call:
    # position of the wrapper's call -> the helper that takes its place.
    async_wrappers: dict[Pos, str] = field(default_factory=dict)
    # Of those iterations and consumers, the values that may be an async iterator
    # or a plain iterable: taken through the ``async_iter`` helper.
    either_iterables: set[Pos] = field(default_factory=set)
    # Those taken by ``next()`` whose generator holds something across a yield (a
    # ``with``, a ``try``): closed at once by ``aclosing``, as the sync one was
    # closed when dropped; an async generator's ``aclose`` waits for the loop.
    closed_nexts: set[Pos] = field(default_factory=set)
    # Property getters that become async methods: qualname -> "property" or
    # "cached_property"; and the reads of them (``obj.name`` -> ``await obj.name()``).
    async_properties: dict[str, str] = field(default_factory=dict)
    property_reads: set[Pos] = field(default_factory=set)
    # ``with x:`` items entering a class whose __enter__/__exit__ became async.
    async_withs: set[Pos] = field(default_factory=set)
    # Methods that become async under their async name (``close`` -> ``aclose``):
    # qualname -> new name here, and the calls of them (position -> new name).
    renamed: dict[str, str] = field(default_factory=dict)
    renamed_calls: dict[Pos, str] = field(default_factory=dict)
    # ``name in jobs``, ``len(jobs)``, ``jobs[k] = v``, ``del jobs[k]`` in async code,
    # whose dunder became its async twin: position -> (kind of site, twin's name).
    twin_calls: dict[Pos, tuple[str, str]] = field(default_factory=dict)
    # ``self.assertRaises(E, f, x)`` statements in async code, f async now: position
    # -> the index of f among the arguments (see analyse/raises_calls.py).
    raises_calls: dict[Pos, int] = field(default_factory=dict)
    # ``self.base_url`` of a Session subclass that becomes an AsyncClient: the name
    # the attribute takes, by position (see analyse/own_attributes.py).
    own_attrs: dict[Pos, str] = field(default_factory=dict)
    # Reads of a property that keeps a sync form, in async code: its twin's name.
    twin_reads: dict[Pos, str] = field(default_factory=dict)
    # ``getattr(obj, name)`` reading properties that become async methods, in async
    # code: the prefix their names take ("a" when each is a twin, see named_reads).
    named_reads: dict[Pos, str] = field(default_factory=dict)
    bridges: dict[Pos, BridgeEdit] = field(default_factory=dict)
    # Module-level bridges the file gets (``load = sync_to_async(db.load)``).
    bridge_aliases: list[AliasEdit] = field(default_factory=list)
    # Aliases of an earlier step whose function is now async: statement -> name, use -> target.
    dropped_aliases: dict[tuple[int, int], str] = field(default_factory=dict)
    alias_uses: dict[Pos, str] = field(default_factory=dict)
    http_calls: dict[Pos, HttpEdit] = field(default_factory=dict)
    # Request functions and client methods handed to a receiver that awaits them.
    http_values: dict[Pos, HttpEdit] = field(default_factory=dict)
    sleeps: set[Pos] = field(default_factory=set)
    # ``Retrying(...)`` a ``for`` loop iterates: ``async for ... in AsyncRetrying(...)``.
    retry_loops: set[Pos] = field(default_factory=set)
    # ``urlopen`` calls carried to httpx (MIG012); all are: urllib's errors -> httpx's.
    urlopens: set[Pos] = field(default_factory=set)
    # ``req = Request(...)`` statements a carried urlopen takes in: urlopen -> assignment.
    inlined_requests: dict[Pos, Pos] = field(default_factory=dict)
    urllib_errors: bool = False
    # Calls that raise httpx's errors (a carried urlopen, or a function reaching
    # one), urllib's, or both: the handlers around them catch those classes.
    urllib_raising: dict[Pos, frozenset[Kind]] = field(default_factory=dict)
    shared_clients: dict[str, str] = field(default_factory=dict)
    # Session factories that return an AsyncClient now (qualnames), the calls of
    # them kept in a global or ``self.<attr>`` (one client per event loop) and
    # those kept in a local or entered by a ``with`` (see plan/factories.py).
    client_factories: set[str] = field(default_factory=set)
    per_loop_factories: set[Pos] = field(default_factory=set)
    factory_locals: set[Pos] = field(default_factory=set)
    # ``"pkg.api.make_session"``: names of those factories a test file may patch.
    factory_patches: set[str] = field(default_factory=set)
    spots: list[Spot] = field(default_factory=list)
    # Expression-level spots (comprehensions, map) by position.
    spot_positions: dict[Pos, Spot] = field(default_factory=dict)
    # The edits of safe fan-outs, and the positions of the calls they gather.
    gathers: list[GatherAt] = field(default_factory=list)
    gathered: set[Pos] = field(default_factory=set)
    # Names that hold results once a thread pool's futures became a gather: position -> new name.
    result_names: dict[Pos, str] = field(default_factory=dict)
    # Thread pools whose only work became gathers: their ``with`` statements go.
    idle_pools: set[tuple[int, int]] = field(default_factory=set)
    # Bridges of an earlier step that go: position of ``async_to_sync(f)`` -> kind.
    unwinds: dict[Pos, AsgirefBridge] = field(default_factory=dict)
    # How requests' exception classes are rewritten: "" (not at all: the file
    # still makes requests calls), "httpx" (replaced), or "both" (caught in
    # both forms while requests calls remain elsewhere in the project).
    map_exceptions: Literal["", "httpx", "both"] = ""
    # Sessions/clients held in ``self.<attr>`` and used by code that becomes
    # async: class qualname -> {attr: kind}.
    shared_attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    # Of those, the settings their requests all give alike, which their client takes
    # (plan/client_settings.py): class -> attribute -> (keyword, value as written);
    # and the requests that drop them: position -> (keywords, a client may be given).
    client_settings: dict[str, dict[str, tuple[tuple[str, str], ...]]] = field(default_factory=dict)
    moved_settings: dict[Pos, tuple[frozenset[str], bool]] = field(default_factory=dict)
    # Sessions a top-level function makes on first use and hands out (see
    # analyse/accessors.py): function qualname -> {what holds it (``_local.s``): kind}.
    lazy_holders: dict[str, dict[str, str]] = field(default_factory=dict)
    # Sessions/clients constructed in code that becomes async, by position.
    client_constructors: dict[Pos, str] = field(default_factory=dict)
    # Annotations naming a session whose value becomes an AsyncClient, by position:
    # only those change (an annotation follows its value).
    session_annotations: set[Pos] = field(default_factory=set)
    # Classes deriving from requests.Session itself that become AsyncClient
    # subclasses: qualname -> whether they define ``__init__``; and the
    # ``super().__init__()`` calls in those that do (they get requests' defaults).
    session_subclasses: dict[str, bool] = field(default_factory=dict)
    # Of those, the attributes each keeps as they were set (``auth``), which some
    # code reads back.
    kept_as_set: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # ``session.params.update(...)``/``session.params[k] = v`` on a session that
    # becomes an AsyncClient, whose params are immutable (http_params).
    params_changes: set[Pos] = field(default_factory=set)
    # ``session.prepare_request(requests.Request(...))`` on a session that becomes an
    # AsyncClient: ``build_request(...)``; and each send of one -> where it is built
    # (its timeout moves there: httpx's send takes none). See analyse/prepared.py.
    prepared_builds: set[Pos] = field(default_factory=set)
    prepared_sends: dict[Pos, Pos] = field(default_factory=dict)
    # ``request = requests.Request(...)`` right before ``prepare_request(request)``:
    # the Request call -> that build (it becomes the build_request; the build, ``request``).
    prepared_named: dict[Pos, Pos] = field(default_factory=dict)
    session_inits: set[Pos] = field(default_factory=set)
    # Instances of such classes made in code that becomes async (not entered by ``with``).
    session_instances: set[Pos] = field(default_factory=set)
    # requests.auth.AuthBase subclasses that become httpx.Auth classes.
    auth_subclasses: set[str] = field(default_factory=set)
    # Request methods of those classes that get their keywords as requests' verbs
    # hand them on (they name ``data=``/``timeout=``... or look inside ``**kwargs``).
    requests_views: set[str] = field(default_factory=set)
    # ``closing(x)`` with items: where x closes itself now (the wrapper goes),
    # and where x's close became async (``contextlib.aclosing``).
    unwrapped_closings: set[Pos] = field(default_factory=set)
    aclosings: set[Pos] = field(default_factory=set)
    # Names imported from requests (``from requests.exceptions import Timeout``):
    # local name -> qualified name, so bare uses map like ``requests.Timeout``.
    requests_aliases: dict[str, str] = field(default_factory=dict)
    # requests' exception classes it imports for others to take from it: local
    # name -> requests name; bound to httpx's classes in place of the import.
    requests_exports: dict[str, str] = field(default_factory=dict)
    # Tests and fixtures that become async: qualname -> "pytest-test" / "pytest-fixture".
    async_tests: dict[str, str] = field(default_factory=dict)
    # Classes deriving from ``unittest.TestCase`` itself, with async tests in them
    # or in a subclass: the base becomes ``unittest.IsolatedAsyncioTestCase``.
    async_testcases: set[str] = field(default_factory=set)
    # ``setUp``/``tearDown`` of such classes that become async: ``asyncSetUp``/``asyncTearDown``.
    async_hooks: set[str] = field(default_factory=set)
    # The file mocks requests (``responses``, requests-mock) and the code it tests moved to httpx.
    http_mocks: bool = False
    # The project reads a response's ``.reason``: requests-mock's answers carry none
    # unless given one, where httpx's name their status (see RequestsMock).
    reasons_read: bool = False
    # Fixtures handing on requests-mock's mocker: a test's parameter so named is one.
    mocker_fixtures: frozenset[str] = frozenset()
    # The file mocks requests and reaches code that moves to httpx and code that keeps
    # requests (plan/mock_scope.py): its requests mocks stay and answer httpx's
    # requests too, through respx.
    mixed_mocks: Mixed | None = None
    # Patch targets naming requests through an import of the code under test
    # (``"ovh.client.Session.request"``, ``from requests import Session`` there): what
    # each names (``requests.Session.request``), for the rules that move patches.
    requests_patches: dict[str, str] = field(default_factory=dict)
    # Fixtures of its conftest.py files giving a responses.RequestsMock (a respx
    # router once moved), which its tests register on (plan/responses_uses.py).
    responses_fixtures: frozenset[str] = frozenset()
    # Fakes monkeypatched in place of a function that became async (qualnames),
    # and lambdas used so (positions).
    async_fakes: set[str] = field(default_factory=set)
    fake_lambdas: set[Pos] = field(default_factory=set)
    # Of those, lambdas set on a class in place of a method: ``async_method(<it>)``.
    fake_methods: set[Pos] = field(default_factory=set)
    # ``MagicMock(...)`` fakes of such functions (positions): ``AsyncMock(...)``.
    fake_mocks: set[Pos] = field(default_factory=set)
    # A fixture's ``MagicMock()`` whose methods the code it is handed to now awaits
    # (position -> method names): ``MagicMock(get=AsyncMock())``.
    fake_mock_methods: dict[Pos, tuple[str, ...]] = field(default_factory=dict)
    # ``Mock()`` put in place of a whole session that moves (positions): the
    # helpers module's ``async_client_mock()``.
    fake_clients: set[Pos] = field(default_factory=set)
    # ``patch.object(stock, "session")`` making a MagicMock for such a session
    # (positions of the patch calls): ``new_callable=async_client_mock``.
    fake_client_patches: set[Pos] = field(default_factory=set)
    # ``time.sleep`` patch targets (the string, or the owner object) now patched
    # on asyncio: position -> ``"asyncio.sleep"`` or ``asyncio``.
    fake_retargets: set[Pos] = field(default_factory=set)
    # Strings naming a method that is renamed (a patch target): its old name -> new.
    renamed_strings: dict[Pos, tuple[str, str]] = field(default_factory=dict)
    # Parameters handed responses (analyse/responses.py): function qualname ->
    # parameter -> "httpx" (every one is httpx's now), "both" (requests' too) or
    # "requests" (only requests'): which attribute fixes its uses get.
    response_params: dict[str, dict[str, Verdict]] = field(default_factory=dict)
    # Functions returning such responses -> the same verdict, for their annotation.
    response_returns: dict[str, Verdict] = field(default_factory=dict)
    # Calls of functions returning a response that moves to httpx: what they give
    # gets the response fixes where it is held (``r = await fetch(url)``; ``r.ok``).
    response_results: set[Pos] = field(default_factory=set)
    # ``mock.patch("pkg.Site")`` standing in for a class whose methods became async
    # (positions of the patch calls): ``new_callable=async_class_mock("pkg.Site")``.
    fake_classes: set[Pos] = field(default_factory=set)
    # ``Mock(return_value=iter([]))`` in place of a function whose result became an
    # async iterator (positions of the mocks): ``return_value=async_items(...)``.
    fake_iterators: set[Pos] = field(default_factory=set)
    # Fakes of urllib's urlopen where the code now sends through httpx (positions of
    # the fakes): what urlopen was handed, "request" or "url"; and the patches'
    # targets as written, which become ``httpx.AsyncClient.send``.
    fake_urlopens: dict[Pos, str] = field(default_factory=dict)
    fake_urlopen_targets: set[Pos] = field(default_factory=set)
    # Those of them whose answers the code read in a ``with`` block.
    entered_urlopens: set[Pos] = field(default_factory=set)
    # ``raise StopIteration`` (or a bare ``raise`` handling one) in an async iterator's
    # class family, and ``except StopIteration`` around a ``next()`` that became
    # ``await anext()``: StopAsyncIteration.
    stop_raises: set[Pos] = field(default_factory=set)
    stop_handlers: set[Pos] = field(default_factory=set)
    # The Quart stage's edits (``apply --to quart``); None in the asyncio stage.
    quart: QuartEdits | None = None
    # Names other modules import from this one (``from app.api import requests``):
    # an import binding one stays even when this module no longer uses it.
    exported: frozenset[str] = frozenset()

    @property
    def sends_httpx(self) -> bool:
        """Whether the module's requests move to httpx: called here, or through
        values a receiver awaits (a client's verb looked up with ``getattr``)."""
        return bool(self.http_calls or self.http_values)

    @property
    def empty(self) -> bool:
        return not (
            self.quart is not None
            or self.async_functions
            or self.async_iterator_returns
            or self.awaits
            or self.async_iterations
            or self.async_withs
            or self.async_consumers
            or self.async_wrappers
            or self.property_reads
            or self.named_reads
            or self.renamed_calls
            or self.twin_calls
            or self.raises_calls
            or self.own_attrs
            or self.bridges
            or self.http_calls
            or self.sleeps
            or self.retry_loops
            or self.urlopens
            or any("httpx" in kinds for kinds in self.urllib_raising.values())
            or self.shared_clients
            or any(s.safe for s in self.spots)
            or self.map_exceptions
            or self.unwinds
            or self.dropped_aliases
            or self.async_tests
            or self.async_testcases
            or self.http_mocks
            or self.mixed_mocks is not None
            or self.async_fakes
            or self.fake_lambdas
            or self.fake_mocks
            or self.fake_item_properties
            or self.fake_item_lists
            or self.fake_mock_methods
            or self.fake_clients
            or self.fake_client_patches
            or self.fake_retargets
            or self.renamed_strings
            or self.fake_classes
            or self.stop_raises
            or self.fake_iterators
            or self.fake_urlopens
            or self.client_constructors
            or self.session_annotations
            or self.unwrapped_closings
            or self.http_values
            or self.shared_attrs
            or self.lazy_holders
            or self.client_factories
            or self.per_loop_factories
            or self.factory_patches
            or self.session_subclasses
            or self.auth_subclasses
            or self.verb_values
            or self.verb_calls
            or any(v != "requests" for p in self.response_params.values() for v in p.values())
        )


class _Columns:
    """Byte column -> character column, per line of one file."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def col(self, line_no: int, byte_col: int) -> int:
        line = self.lines[line_no - 1] if 0 < line_no <= len(self.lines) else ""
        return len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))

    def pos(self, span: Span) -> Pos:
        return (
            span.line,
            self.col(span.line, span.col),
            span.end_line,
            self.col(span.end_line, span.end_col),
        )


def quart_edits(analysis: Analysis) -> tuple[FileEdits, ...]:
    """The Quart stage's edits, in path order (what ``apply --to quart`` carries out)."""
    return tuple(sorted(plan_quart_edits(analysis).values(), key=lambda e: str(e.path)))


def plan_quart_edits(analysis: Analysis) -> dict[str, FileEdits]:
    """Edits of the Quart stage: every module that uses flask or a test client."""
    project = analysis.project
    facts = quart_facts(project)
    edits: dict[str, FileEdits] = {}
    for module in sorted(facts.modules_to_rewrite()):
        loaded = project.files[module]
        opened: list[tuple[str, str]] = []
        imports: list[tuple[str, str]] = []
        if module in facts.factories:
            is_package = loaded.source.path.name == "__init__.py"
            package = module if is_package else module.rpartition(".")[0]
            for client in facts.clients_for(module):
                below = client.module.removeprefix(package + ".")
                parent, _, name = below.rpartition(".")
                opened.append((client.name, name))
                imports.append(("." + parent, name))
        edits[module] = FileEdits(
            module,
            loaded.source.path,
            quart=QuartEdits(
                clients=tuple(c for c in facts.clients if c.module == module),
                opened_here=tuple(opened),
                relative_imports=tuple(imports),
                client_fixtures=frozenset(facts.client_fixtures),
            ),
        )
    return edits


def _class_module(graph: CallGraph, cls: str) -> str:
    return next(m for m, facts in graph.project.facts.items() if cls in facts.classes)


def plan_edits(analysis: Analysis) -> dict[str, FileEdits]:
    """Edits per module, for every module that has something to change."""
    graph, colouring = analysis.graph, analysis.colouring
    project = graph.project
    edits: dict[str, FileEdits] = {}
    columns: dict[str, _Columns] = {}

    def for_module(module: str) -> tuple[FileEdits, _Columns]:
        if module not in edits:
            source = project.files[module].source
            edits[module] = FileEdits(module, source.path)
            columns[module] = _Columns(source.text)
        return edits[module], columns[module]

    def fn_module(qualname: str) -> str:
        return graph.functions[qualname].module

    for qualname in colouring.async_functions:
        fe, cols = for_module(fn_module(qualname))
        if graph.functions[qualname].relay:
            # ``return self.iterkeys()``: hands back the async generator as is.
            fe.async_iterator_returns.add(qualname)
            continue
        fe.async_functions.add(qualname)
        memo = graph.functions[qualname].async_memo
        if memo is not None and memo.target is not None:
            fe.async_memos[cols.pos(memo.span)] = memo.target
        kind = graph.functions[qualname].property
        if qualname.endswith(SETTER):
            kind = "setter"  # ``@token.setter`` goes: the method is ``aset_token``
        if kind is not None and not graph.functions[qualname].is_generator:
            # A generator property stays one: its readers take the async items.
            fe.async_properties[qualname] = kind
        fn = graph.functions[qualname]
        roots = graph.testcase_roots(fn.class_qualname) if fn.class_qualname else []
        hook = fn.name in UNITTEST_ASYNC_HOOKS
        if roots and (fn.framework == "pytest-test" or hook):
            # A unittest test: its TestCase root becomes an IsolatedAsyncioTestCase.
            for root in roots:
                for_module(_class_module(graph, root))[0].async_testcases.add(root)
            if hook:
                fe.async_hooks.add(qualname)
        elif fn.framework in ("pytest-test", "pytest-fixture"):
            fe.async_tests[qualname] = fn.framework

    session_fakes = [fake for fake in colouring.fakes if fake.session_of is not None]
    for fake in colouring.fakes:
        if fake.session_of is None:  # else once it is known whether the session moves (below)
            _note_fake(fake, for_module, fn_module)

    # Calls of async functions from async code: await (or async for).
    for fn in graph.functions.values():
        becomes_async = fn.is_async or colouring.is_async(fn.qualname)
        if not becomes_async:
            continue
        fe, cols = for_module(fn.module)
        for call in fn.calls:
            if call.in_lambda or call.awaited:
                continue
            callee = graph.callee_of(call)
            if callee is None or not colouring.is_async(callee):
                continue
            if call.dunder:
                twin = colouring.renamed.get(callee)
                if twin:
                    fe.twin_calls[cols.pos(call.span)] = (call.dunder, twin)
                continue
            if call.context_manager or (call.with_item and graph.functions[callee].contextmanager):
                fe.async_withs.add(cols.pos(call.span))
                continue
            if graph.functions[callee].is_generator or call.iterates:
                if call.iterated:
                    fe.async_iterations.add(cols.pos(call.iterated_at or call.span))
                elif call.taken_at:  # ``it = g()`` then ``next(it)`` (see iterated_locals)
                    for span, how, stop in call.taken_at:
                        if how == "for":
                            fe.async_iterations.add(cols.pos(span))
                        else:
                            fe.async_consumers[cols.pos(span)] = f"builtins.{how}"
                        if stop is not None:
                            fe.stop_handlers.add(cols.pos(stop))
                elif (outer := generators.wrapper(call, graph, fn)) is not None:
                    helper = generators.WRAPPERS[graph.resolve(outer.target) or ""]
                    fe.async_wrappers[cols.pos(outer.span)] = helper
                    fe.async_iterations.add(cols.pos(outer.iterated_at or outer.span))
                elif (taken_by := generators.consumer(call, graph)) is not None:
                    fe.async_consumers[cols.pos(call.span)] = taken_by
                    if taken_by == generators.NEXT and call.stop_handler is not None:
                        fe.stop_handlers.add(cols.pos(call.stop_handler))
                    if taken_by == generators.NEXT and graph.functions[callee].holds_across_yield:
                        fe.closed_nexts.add(cols.pos(call.span))
                continue
            fe.awaits.add(cols.pos(call.span))
        for write in fn.writes:
            # ``api.token = v`` -> ``await api.aset_token(v)``; other assignments keep
            # the setter, bridging (reviewed).
            setter = f"{graph.resolve(write.target)}{SETTER}" if write.target else None
            if write.dunder and setter in colouring.renamed and colouring.is_async(setter):
                fe.twin_calls[cols.pos(write.span)] = (write.dunder, colouring.renamed[setter])
        for span, kinds in read_kinds(fn, graph, colouring).items():
            if set(kinds.values()) in ({"twin"}, {"method"}):
                fe.named_reads[cols.pos(span)] = "a" if "twin" in kinds.values() else ""
        for read in fn.reads:
            callee = graph.resolve(read.target) if read.target else None
            if read.named:
                continue  # above
            if callee in graph.functions and colouring.is_async(callee) and not read.in_lambda:
                if graph.functions[callee].is_generator:
                    # ``for item in catalog.items``: the property gives an async generator.
                    if read.iterated:
                        fe.async_iterations.add(cols.pos(read.span))
                    elif (taken_by := generators.consumer(read, graph)) is not None:
                        fe.async_consumers[cols.pos(read.span)] = taken_by
                elif graph.functions[callee].property:
                    fe.property_reads.add(cols.pos(read.span))
                    if twin := colouring.renamed.get(callee):
                        fe.twin_reads[cols.pos(read.span)] = twin  # ``await obj.aversion()``

    for qualname, new in colouring.renamed.items():
        for_module(fn_module(qualname))[0].renamed[qualname] = new
    # ``mock.patch("pkg.Client.close")`` of a method renamed ``aclose``: the string follows.
    for fn in graph.functions.values() if colouring.renamed else ():
        for patch in fn.patches:
            target = graph.resolve(patch.target) if patch.target else None
            # A plain ``client.close = fake`` names the method in no string.
            named_at = patch.name_span or (None if patch.assigned else patch.target_span)
            if target in colouring.renamed and named_at is not None:
                fe, cols = for_module(fn.module)
                old = target.rpartition(".")[2]
                fe.renamed_strings[cols.pos(named_at)] = (old, colouring.renamed[target])
    for holder, span, index in colouring.raises_calls:
        fe, cols = for_module(fn_module(holder))
        fe.raises_calls[cols.pos(span)] = index
    for edge in graph.edges:
        new_name = colouring.renamed.get(edge.callee)
        called = edge.call
        # ``for page in pages`` runs ``__anext__`` unnamed: no call there to rename.
        if edge.via == "write":
            continue  # an assignment (see the twin calls above), no call to rename
        if new_name and called and not (called.context_manager or called.iterates or called.dunder):
            fe, cols = for_module(fn_module(edge.caller))
            fe.renamed_calls[cols.pos(called.span)] = new_name

    # An async iterator ends with StopAsyncIteration, in every method of its class family.
    family = graph.flow.family if graph.flow else {}
    ending: set[str] = set()  # those families
    for qualname, new in colouring.renamed.items():
        if new != "__anext__":
            continue
        owner = graph.functions[qualname].class_qualname or ""
        ending.add(family.get(owner, owner))
        for fn in graph.functions.values():
            if fn.stop_raises and family.get(fn.class_qualname or "", "") == family.get(
                owner, owner
            ):
                fe, cols = for_module(fn.module)
                fe.stop_raises.update(cols.pos(span) for span in fn.stop_raises)
    # ``pytest.raises(StopIteration)`` or ``except StopIteration`` around a call of one
    # of their methods, awaited now: a coroutine cannot raise StopIteration (PEP 479).
    for fn in graph.functions.values():
        if not (fn.is_async or colouring.is_async(fn.qualname)):
            continue
        for call in fn.calls:
            if call.stop_handler is None or call.iterates:
                continue
            ended = graph.callee_of(call)
            if ended is None or ended not in graph.functions or not colouring.is_async(ended):
                continue
            cls = graph.functions[ended].class_qualname
            if cls and family.get(cls, cls) in ending:
                fe, cols = for_module(fn.module)
                fe.stop_handlers.add(cols.pos(call.stop_handler))

    # Classes whose __init__ became async are made by their async factory; so are
    # dataclasses whose __post_init__ did (their generated __init__ runs it).
    for qualname in colouring.async_functions:
        owner, _, name = qualname.rpartition(".")
        if name not in ("__init__", "__post_init__") or not _made_by_it(graph, qualname):
            continue
        fe = for_module(fn_module(qualname))[0]
        if name == "__post_init__":
            fe.renamed[qualname] = ASYNC_POST_INIT  # the factory runs it, after __init__
        bases = graph.project.facts[fn_module(qualname)].classes.get(owner, [])
        if not any(colouring.is_async(graph.resolve(f"{b}.{name}") or "") for b in bases):
            (fe.factories if name == "__init__" else fe.post_init_factories).add(owner)
            if name == "__init__" and graph.subclasses(owner):
                # Subclasses inherit ``create``: it hands on whatever theirs take.
                fe.forwarding_factories.add(owner)
    for edge in graph.edges:
        if edge.call is None or not _made_by_it(graph, edge.callee):
            continue
        if not colouring.is_async(edge.callee) or graph.functions[edge.callee].is_async:
            continue
        fe, cols = for_module(fn_module(edge.caller))
        made_by: Literal["create", "super"] = (
            "super" if edge.call.text.endswith((".__init__", ".__post_init__")) else "create"
        )
        fe.init_calls[cols.pos(edge.call.span)] = made_by

    # A decorator wrapper that became async awaits the function it wraps.
    for wrapper in graph.wrapped_by:
        if not colouring.is_async(wrapper):
            continue
        fn = graph.functions[wrapper]
        fe, cols = for_module(fn.module)
        for span in graph.wrapped_calls(wrapper):
            fe.awaits.add(cols.pos(span))

    aliases = BridgeAliases(graph)
    for bridge in (*colouring.bridges, *colouring.offloads):
        fe, cols = for_module(fn_module(bridge.function))
        alias, new_alias = aliases.alias_for(bridge)
        if new_alias is not None:
            fe.bridge_aliases.append(new_alias)
        collect = _collected(graph, bridge) if bridge.kind == "async_to_sync" else ""
        if bridge.kind == "thread_items":  # ``for x in g(...)`` -> ``async for``
            fn = graph.functions[bridge.function]
            call = next(c for c in fn.calls if c.span == bridge.span)
            fe.async_iterations.add(cols.pos(call.iterated_at or call.span))
        fe.bridges[cols.pos(bridge.span)] = BridgeEdit(
            bridge.kind,
            bridge.thread_sensitive,
            bridge.is_reference,
            bridge.text,
            alias,
            collect,
            bridge.anywhere,
            getattr(lookup(bridge.callee), "family", "") == "file",
        )

    # Direct blocking calls with an async twin, inside code that becomes async
    # (or bridged from sync code, for calls on a shared client).
    bridged = {(b.function, b.span) for b in colouring.bridges}
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        if not colouring.is_async(qualname) and not fn.is_async:
            calls = [(c, e) for c, e in calls if (qualname, c.span) in bridged]
        fe, cols = for_module(fn.module)
        facts = project.facts[fn.module]
        for call, entry in calls:
            if entry.action is not Action.REWRITE or call.in_lambda:
                continue
            pos = cols.pos(call.span)
            if entry.name in CONTEXT_ENTRIES:
                fe.async_withs.add(pos)  # ``with S() as s``: S is an AsyncClient now
            elif entry.family == "sleep":
                fe.sleeps.add(pos)
            elif entry.family == "retrying":
                fe.retry_loops.add(pos)
            elif entry.family == "urllib":
                fe.urlopens.add(pos)
                if call.request_span is not None:
                    fe.inlined_requests[pos] = cols.pos(call.request_span)
            else:
                head = call.text.split(".")[0]
                shared = head in facts.typed_names and "." in call.text
                fe.http_calls[pos] = HttpEdit(entry, shared)
                if call.prepared is not None:
                    fe.prepared_sends[pos] = cols.pos(call.prepared)
                    fe.prepared_builds.add(fe.prepared_sends[pos])
                parts = call.text.split(".")
                if (
                    fn.class_qualname
                    and len(parts) == 3
                    and parts[0] == "self"
                    and entry.family == "http-client"
                ):
                    kind = "httpx.Client" if entry.name.startswith("httpx") else "requests.Session"
                    owner = (call.target or "").rpartition(".")[0]
                    if graph.resolve(owner) in graph.converted:
                        kind = SUBCLASS_CLIENT  # its own class makes it, per event loop
                    # ``self._get_session().get``: the attribute the method keeps it in.
                    maker, attr = session_key(graph, fn, call.text) or (fn.class_qualname, "")
                    fe.shared_attrs.setdefault(fn.class_qualname, {})[attr] = kind
                    if maker != fn.class_qualname:  # made in a base class's method
                        made_in = next(m for m, f in project.facts.items() if maker in f.classes)
                        for_module(made_in)[0].shared_attrs.setdefault(maker, {})[attr] = kind

    # Request settings a session's client takes; its requests drop them only then.
    settings = client_settings(graph)
    for (owner, attr), taken in settings.settings.items():
        home = next((m for m, f in project.facts.items() if owner in f.classes), None)
        if home not in edits or attr not in edits[home].shared_attrs.get(owner, {}):
            continue
        edits[home].client_settings.setdefault(owner, {})[attr] = taken
        for (module, span), moved in settings.dropped.get((owner, attr), {}).items():
            fe, cols = for_module(module)
            fe.moved_settings[cols.pos(span)] = moved

    flow = response_flow(analysis, edits)
    handed_params = flow.parameters()
    for param in handed_params:
        fe, _ = for_module(fn_module(param.function))
        fe.response_params.setdefault(param.function, {})[param.param] = param.verdict

    # Attributes keeping them (``self.response = response``): as the parameter is.
    def moves_to_httpx(fn: Function, text: str) -> bool:
        calls = [call for call in fn.calls if call.text == text]
        fe, cols = edits.get(fn.module), columns.get(fn.module)
        if not calls or fe is None or cols is None:
            return False
        edited = [fe.http_calls.get(cols.pos(call.span)) for call in calls]
        return all(e is not None and not e.entry.name.startswith("httpx") for e in edited)

    for method, held, verdict in response_attributes(graph, handed_params, moves_to_httpx):
        for_module(fn_module(method))[0].response_params.setdefault(method, {})[held] = verdict
    returning = flow.returning()
    for qualname, verdict in returning.items():
        for_module(fn_module(qualname))[0].response_returns[qualname] = verdict
    # Only where a response reaches: what awaited or bridged calls give (see http_client).
    for fn in graph.functions.values() if returning else ():
        for call in fn.calls:
            if returning.get(graph.callee_of(call) or "", "requests") != "requests":
                fe, cols = for_module(fn.module)
                fe.response_results.add(cols.pos(call.span))

    def carried(module: str, span: Span) -> bool:
        return module in edits and columns[module].pos(span) in edits[module].urlopens

    for module, raising in error_sources(graph, carried).items():
        if mentions_urllib_errors(project.files[module].source.text):
            fe, cols = for_module(module)
            fe.urllib_raising = {cols.pos(span): kinds for span, kinds in raising.items()}

    # Functions handed to a receiver that awaits them (analyse.passed): its calls of
    # the parameter are awaited; a request function handed over becomes the method
    # of a client made for the statement, a client's method needs its client converted.
    for receiver, span in colouring.param_awaits:
        fe, cols = for_module(fn_module(receiver))
        fe.awaits.add(cols.pos(span))
    for receiver, span in colouring.param_iterations:
        fe, cols = for_module(fn_module(receiver))
        call = next(c for c in graph.functions[receiver].calls if c.span == span)
        if (taken_by := generators.consumer(call, graph)) is not None:
            fe.async_consumers[cols.pos(span)] = taken_by
        else:
            fe.async_iterations.add(cols.pos(span))
    for holder, span in colouring.either_iterations:
        fe, cols = for_module(fn_module(holder))
        call = next(c for c in graph.functions[holder].calls if c.span == span and c.iterates)
        if (taken_by := generators.consumer(call, graph)) is not None:
            fe.async_consumers[cols.pos(span)] = taken_by
            fe.either_iterables.add(cols.pos(span))
        elif call.iterated:
            fe.async_iterations.add(cols.pos(call.iterated_at or span))
            fe.either_iterables.add(cols.pos(call.iterated_at or span))
    for holder, span, text, entry in colouring.passed_values:
        fn = graph.functions[holder]
        fe, cols = for_module(fn.module)
        parts = text.split(".")
        shared = parts[0] in project.facts[fn.module].typed_names and len(parts) > 1
        fe.http_values[cols.pos(span)] = HttpEdit(entry, shared)
        if fn.class_qualname and len(parts) == 3 and parts[0] == "self":
            kind = "httpx.Client" if entry.name.startswith("httpx") else "requests.Session"
            # A base's, maybe; or the attribute ``self._get_session()`` gives.
            owner, attr = session_key(graph, fn, text) or (fn.class_qualname, parts[1])
            held_in = next((m for m, f in project.facts.items() if owner in f.classes), fn.module)
            for_module(held_in)[0].shared_attrs.setdefault(owner, {})[attr] = kind

    for holder, span in colouring.request_lookups:
        fe, cols = for_module(fn_module(holder))
        fe.request_lookups.add(cols.pos(span))
    for holder, span in colouring.looked_up_calls:  # an httpx response, as http_calls give
        fe, cols = for_module(fn_module(holder))
        fe.response_results.add(cols.pos(span))
        fe.looked_up_calls.add(cols.pos(span))
    for holder, span, statements in colouring.one_off_lookups:
        fe, cols = for_module(fn_module(holder))
        fe.one_off_lookups[cols.pos(span)] = (statements.line, statements.end_line)

    # Tables of verbs (analyse/verb_tables.py): values become the verbs' names, and
    # each item's call looks its verb up on a client made for the statement.
    for table in colouring.verb_tables:
        fe, cols = for_module(table.module)
        for span, verb in table.values:
            fe.verb_values[cols.pos(span)] = verb
        for caller, span in table.calls:
            fe, cols = for_module(fn_module(caller))
            fe.verb_calls.add(cols.pos(span))

    # ``self.<attr>`` sessions that become clients, also those only handed to a
    # function that calls them (``fetch(self.session, url)``, injected.handed_sessions):
    # a client per loop, as if called here.
    for owner, name in sorted(colouring.converted_sessions):
        home = next((m for m, f in project.facts.items() if owner in f.classes), None)
        if home is not None:
            typ = project.facts[home].attr_types.get(owner, {}).get(name, "")
            kind = "httpx.Client" if typ == "httpx.Client" else "requests.Session"
            for_module(home)[0].shared_attrs.setdefault(owner, {}).setdefault(name, kind)

    # Sessions a top-level function makes on first use (``_local.s``, a global): a
    # client per event loop, made where the session was.
    for module, facts in project.facts.items():
        for name, held in facts.session_accessors.items():
            if "." not in name and (module, held) in colouring.converted_sessions:
                kind = facts.session_returns.get(name, "requests.Session")
                for_module(module)[0].lazy_holders[f"{module}.{name}"] = {held: kind}

    for fe in edits.values():
        if fe.urlopens:
            cols = _Columns(project.files[fe.module].source.text)
            fe.urllib_errors = not any(
                entry.family == "urllib" and cols.pos(call.span) not in fe.urlopens
                for qualname, calls in graph.blocking.items()
                if graph.functions[qualname].module == fe.module
                for call, entry in calls
            )

    # Sessions and clients made inside code that becomes async:
    # ``with requests.Session() as s`` -> ``async with httpx.AsyncClient(...) as s``.
    for fn in graph.functions.values():
        if not (fn.is_async or colouring.is_async(fn.qualname)):
            continue
        for call in fn.calls:
            target = graph.resolve(call.target) if call.target else None
            if target in ("requests.Session", "requests.session", "httpx.Client"):
                fe, cols = for_module(fn.module)
                if fn.name == "__init__" and fn.class_qualname in fe.shared_attrs:
                    continue  # the instance's client: one per event loop, as in sync __init__
                if _made_for_shared_attr(fn, fe.shared_attrs, CONSTRUCTORS.get(target, "")):
                    continue  # ``self.s = requests.Session()`` on first use: the same
                if fn.qualname in fe.lazy_holders:
                    continue  # ``_SESSION = requests.Session()`` on first use: likewise
                if any(
                    graph.keeps_session(fn, made)
                    for made, typ in fn.attr_sets
                    if typ == CONSTRUCTORS.get(target or "")
                ):
                    continue  # a session that stays on requests (see CallGraph.kept_sessions)
                fe.client_constructors[cols.pos(call.span)] = target
            elif target in graph.converted and not call.context_manager:
                fe, cols = for_module(fn.module)
                fe.session_instances.add(cols.pos(call.span))

    for module, facts in project.facts.items():
        for owner, name, span in facts.session_annotations:
            if (owner, name) in colouring.converted_sessions:
                fe, cols = for_module(module)
                fe.session_annotations.add(cols.pos(span))

    plan_closings(graph, colouring, for_module)
    plan_factories(graph, colouring, for_module)
    _session_subclasses(graph, for_module)

    # Module-global clients used by code that becomes async (or handed to a parameter
    # through which calls become httpx calls) are rebuilt per loop.
    for module, facts in project.facts.items():
        clients = {
            name: typ
            for name, typ in facts.typed_names.items()
            if typ in ("requests.Session", "httpx.Client")
        }
        if not clients:
            continue
        used = any((module, name) in colouring.converted_sessions for name in clients) or any(
            any(h.on_shared_client for h in (*fe.http_calls.values(), *fe.http_values.values()))
            for m, fe in edits.items()
            if m == module
        )
        if used:
            fe, _ = for_module(module)
            fe.shared_clients = clients

    for unwind in colouring.unwinds:
        fe, cols = for_module(fn_module(unwind.function))
        fe.unwinds[cols.pos(unwind.span)] = unwind.kind
    for module, dropped in unwound_aliases(graph, colouring):
        fe, cols = for_module(module)
        fe.dropped_aliases[cols.pos(dropped.statement)[:2]] = dropped.name
        fe.alias_uses.update({cols.pos(use): dropped.target for use in dropped.uses})

    for spot in analysis.spots:
        fe, cols = for_module(fn_module(spot.function))
        fe.spots.append(spot)
        if spot.edit is not None and (spot.safe or spot.edit.form in ("early-exit", "unmapped")):
            edit = spot.edit
            at = GatherAt(
                spot,
                edit,
                cols.pos(edit.anchor),
                tuple(cols.pos(f) for f in edit.fetches),
                frozenset(cols.pos(d)[:2] for d in edit.drop),
                cols.pos(edit.hoist)[:2] if edit.hoist else None,
                cols.pos(edit.caught)[:2] if edit.caught else None,
                tuple((cols.pos(span), name) for span, name in edit.computed),
            )
            fe.gathers.append(at)
            fe.gathered.update(at.fetches)
            if spot.pool is not None:
                fe.idle_pools.update(cols.pos(p)[:2] for p in (spot.pool, *spot.pool_closing))
        elif spot.kind in ("map", "executor-map", "executor-submit", "executor-completed"):
            fe.spot_positions[cols.pos(spot.span)] = spot
            fe.result_names.update({cols.pos(span): name for span, name in spot.renames})
            if spot.pool is not None:
                fe.idle_pools.update(cols.pos(p)[:2] for p in (spot.pool, *spot.pool_closing))

    # Files that keep referring to requests' exceptions once the calls moved to
    # httpx; not those that still make requests calls of their own (a later step).
    any_http = any(fe.sends_httpx for fe in edits.values())
    if any_http:
        reached = _requests_through_modules(project, edits)
        valued = _valued_modules(graph, colouring)
        exports = reexports.requests_exports(project.facts)
        through = reexports.reexport_uses(project, exports)
        kept_exports = reexports.kept_names(project, exports, through)
        importing = [
            module
            for module, loaded in project.files.items()
            if module in through
            or (
                "requests" in loaded.source.text
                and (_imports_requests(loaded.source.text) or module in reached)
            )
        ]
        keeping = {
            module
            for module in importing
            if module in project.facts and _keeps_requests_calls(module, graph, edits, valued, None)
        }
        for module in importing:
            handed = module in edits and any(
                verdict != "requests"
                for params in edits[module].response_params.values()
                for verdict in params.values()
            )
            moving = module in edits and edits[module].sends_httpx
            if module in keeping and not handed and not moving:
                continue
            fe, _ = for_module(module)
            # A module keeping requests calls with a helper handed httpx responses: its
            # except clauses catch both forms, as the helper's calls may raise either.
            fe.map_exceptions = "both" if keeping else "httpx"
            module_facts = project.facts.get(module)
            if module_facts is not None:
                fe.requests_aliases = {
                    local: target
                    for local, target in module_facts.imports.items()
                    if target.startswith("requests.") and local != "requests"
                }
                # ``lookup.requests.HTTPError``: requests as a moving module named it.
                fe.requests_aliases.update(dict.fromkeys(reached.get(module, ()), "requests"))
                # ``from .errors import HTTPError``, ``errors.HTTPError``: requests' class.
                fe.requests_aliases.update(through.get(module, {}))
            if module not in keeping:
                fe.requests_exports = kept_exports.get(module, {})
    # A test's requests mocks move to respx only with the code they catch.
    to_httpx = {m for m, fe in edits.items() if fe.sends_httpx}
    patched = requests_patches(graph)
    scope = scope_mocks(
        project,
        to_httpx,
        keeps_requests_calls(graph, edits, colouring),
        graph.converted | graph.converted_auths,
        patched,
    )
    for module in scope.moving:
        fe = for_module(module)[0]
        fe.http_mocks = True
        fe.responses_fixtures = scope.fixtures.get(module, frozenset())
        fe.mocker_fixtures = scope.mockers
        fe.requests_patches = patched.get(module, {})
    for module, mixed in scope.mixed.items():
        fe = for_module(module)[0]
        fe.mixed_mocks = mixed
        fe.requests_patches = patched.get(module, {})
        # Its tests reach code raising requests' exceptions and code raising httpx's.
        if fe.map_exceptions == "httpx":
            fe.map_exceptions = "both"
    for fake in session_fakes:
        if fake.session_of in to_httpx:
            _note_fake(fake, for_module, fn_module)

    _params_changes(graph, edits, columns)
    _prepared_builds(graph, edits, columns)
    kept = {m: fe for m, fe in edits.items() if not fe.empty}
    for qualname, params in none_given(graph).items():
        if fn_module(qualname) in kept:
            kept[fn_module(qualname)].none_params[qualname] = params
    exported = _exported(project.facts)
    reasons = any(r.text.endswith(".reason") for f in graph.functions.values() for r in f.reads)
    for module, fe in kept.items():
        fe.exported = frozenset(exported.get(module, ()))
        fe.reasons_read = reasons
    return kept


def requests_patches(graph: CallGraph) -> dict[str, dict[str, str]]:
    """Test modules -> the patch targets they spell through the code under test that
    name requests (``mock.patch("ovh.client.Session.request")``) -> what they name."""
    found: dict[str, dict[str, str]] = {}
    for fn in graph.functions.values():
        if not graph.project.facts[fn.module].is_test_file:
            continue
        for patch in fn.patches:
            target = patch.target or ""
            if not target or "requests" in target.split("."):
                continue
            named = graph.resolve(target) or ""
            if named.split(".")[0] != "requests":
                named = graph.global_member(target) or named
            if named.split(".")[0] == "requests":
                found.setdefault(fn.module, {})[target] = named
    return found


def _params_changes(
    graph: CallGraph, edits: dict[str, FileEdits], columns: dict[str, _Columns]
) -> None:
    """``session.params.update(...)`` in modules whose sessions move to httpx, on a
    session the analysis does not keep on requests (the rewrite suits both)."""
    for fn in graph.functions.values():
        fe = edits.get(fn.module)
        if fe is None or not (fe.http_calls or fe.client_constructors or fe.shared_attrs):
            continue
        for call in fn.calls:
            # ``self.session.params`` resolves where the method does not (inherited).
            params, _, method = (call.target or "").rpartition(".")
            if f"{graph.resolve(params)}.{method}" not in SESSION_PARAMS_CHANGES:
                continue
            session = call.text.rsplit(".", 2)[0]
            if not graph.keeps_session(fn, session):
                fe.params_changes.add(columns[fn.module].pos(call.span))


def _prepared_builds(
    graph: CallGraph, edits: dict[str, FileEdits], columns: dict[str, _Columns]
) -> None:
    """``session.prepare_request(requests.Request(...))`` sent nowhere (its errors
    are what is wanted), on a session the analysis does not keep on requests."""
    for fn in graph.functions.values():
        fe = edits.get(fn.module)
        if fe is None or not (fe.http_calls or fe.client_constructors or fe.shared_attrs):
            continue
        for call in fn.calls:
            if call.prepared != call.span or call.prepared_refusal is not None:
                continue  # not the prepare_request call of a flow carried
            if any(c.prepared == call.span and c.text.endswith(".send") for c in fn.calls):
                continue  # sent: it moves with its send (http_calls)
            if not graph.keeps_session(fn, call.text.rpartition(".")[0]):
                fe.prepared_builds.add(columns[fn.module].pos(call.span))
        for call in fn.calls:
            # ``request = requests.Request(...)``, before the build it is handed to.
            built = call.prepared
            if built is None or (call.span.end_line, call.span.end_col) > (built.line, built.col):
                continue  # not ended before the build (the build, its send)
            if (pos := columns[fn.module].pos(built)) in fe.prepared_builds:
                fe.prepared_named[columns[fn.module].pos(call.span)] = pos


def _exported(facts: Mapping[str, ModuleFacts]) -> dict[str, set[str]]:
    """Module -> the names other analysed modules import from it, in one pass."""
    found: dict[str, set[str]] = {}
    for importer, their in facts.items():
        for qualified in their.imports.values():
            owner, _, name = qualified.rpartition(".")
            if owner and owner != importer:
                found.setdefault(owner, set()).add(name)
    return found


def response_flow(analysis: Analysis, edits: dict[str, FileEdits]) -> ResponseFlow:
    """The responses of ``analysis``'s project followed into parameters, once the
    request calls ``edits`` moves are httpx's."""
    columns: dict[str, _Columns] = {}

    def moves(fn: Function, call: Call) -> bool:
        fe = edits.get(fn.module)
        if fe is None or not fe.http_calls:
            return False
        if fn.module not in columns:
            columns[fn.module] = _Columns(analysis.project.files[fn.module].source.text)
        return columns[fn.module].pos(call.span) in fe.http_calls

    return ResponseFlow(analysis.graph, moves)


def _note_fake(
    fake: Fake,
    for_module: Callable[[str], tuple[FileEdits, _Columns]],
    fn_module: Callable[[str], str],
) -> None:
    """The edits that make ``fake`` async."""
    fe, cols = for_module(fn_module(fake.function))
    if fake.urlopen:
        fe.fake_urlopens[cols.pos(fake.span)] = fake.urlopen
        if fake.urlopen_entered:
            fe.entered_urlopens.add(cols.pos(fake.span))
        if fake.owner is not None:
            fe.fake_urlopen_targets.add(cols.pos(fake.owner))
    elif fake.fake is not None:
        fake_fe, fake_cols = for_module(fn_module(fake.fake))
        fake_fe.async_fakes.add(fake.fake)
        fake_fe.awaits.update(fake_cols.pos(span) for span in fake.spied)
    elif fake.wrap:
        fe.fake_lambdas.add(cols.pos(fake.span))
        if fake.method:
            fe.fake_methods.add(cols.pos(fake.span))
    elif fake.client:
        (fe.fake_client_patches if fake.stand_in else fe.fake_clients).add(cols.pos(fake.span))
    elif fake.stand_in:
        fe.fake_classes.add(cols.pos(fake.span))
    elif fake.items:
        fe.fake_iterators.add(cols.pos(fake.span))
    elif fake.mock_methods:
        fe.fake_mock_methods[cols.pos(fake.span)] = fake.mock_methods
    elif fake.item_property:
        fe.fake_item_properties.add(cols.pos(fake.span))
    elif fake.item_list:
        fe.fake_item_lists.add(cols.pos(fake.span))
    elif fake.mock:
        fe.fake_mocks.add(cols.pos(fake.span))
    if fake.retarget is not None:
        fe.fake_retargets.add(cols.pos(fake.retarget))


def _made_by_it(graph: CallGraph, qualname: str) -> bool:
    """Whether ``qualname`` is what makes its class's instances: ``__init__``, or the
    ``__post_init__`` of a class without one (a dataclass)."""
    owner, _, name = qualname.rpartition(".")
    return name == "__init__" or (
        name == "__post_init__" and f"{owner}.__init__" not in graph.functions
    )


def _session_subclasses(
    graph: CallGraph, for_module: Callable[[str], tuple[FileEdits, _Columns]]
) -> None:
    """requests.Session subclasses that become AsyncClient subclasses (analyse/subclasses.py)."""
    for cls in sorted(graph.converted | graph.converted_auths):
        module = _class_module(graph, cls)
        facts = graph.project.facts[module]
        bases = {graph.resolve(b) or b for b in facts.classes[cls]}
        if bases & AUTH_BASES:
            for_module(module)[0].auth_subclasses.add(cls)
        for verb in sorted(REQUEST_METHODS):
            method = graph.functions.get(f"{cls}.{verb}")
            if method is not None and requests_view(method):
                for_module(module)[0].requests_views.add(method.qualname)
        for new, found in graph.own_attrs.get(cls, {}).values():
            for where, span in found:
                used_in, used_cols = for_module(where)
                used_in.own_attrs[used_cols.pos(span)] = new
        if not bases & SESSION_BASES:
            continue  # below another converted class: nothing of its own changes
        fe, cols = for_module(module)
        init = graph.functions.get(f"{cls}.__init__")
        fe.session_subclasses[cls] = init is not None
        if cls in graph.kept_as_set:
            fe.kept_as_set[cls] = tuple(sorted(graph.kept_as_set[cls]))
        if init is not None:
            for call in init.calls:
                if call.text.startswith("super(") and call.text.endswith(".__init__"):
                    fe.session_inits.add(cols.pos(call.span))


def keeps_requests_calls(
    graph: CallGraph, edits: dict[str, FileEdits], colouring: Colouring
) -> Callable[[str, frozenset[str] | None], bool]:
    """Whether requests calls in a module (of the functions ``only`` names, if
    given) stay as they are after this run."""
    valued = _valued_modules(graph, colouring)
    return lambda module, only: _keeps_requests_calls(module, graph, edits, valued, only)


def _valued_modules(graph: CallGraph, colouring: Colouring) -> frozenset[str]:
    """Modules where a request function is used as a value: its calls stay on requests;
    and those calling, at any depth, code whose requests calls stay (a method of a
    requests_oauthlib session's subclass, reached through a bridge): requests'
    exceptions still come out of their calls."""
    valued = {graph.functions[f].module for f, _, _ in colouring.blocking_values}
    todo = [f for f, kept in graph.kept.items() if any(c.refusal is None for c, _ in kept)]
    seen = set(todo)
    while todo:
        for edge in graph.callers.get(todo.pop(), ()):
            caller = graph.functions[edge.caller]
            if edge.caller not in seen and not graph.project.facts[caller.module].is_test_file:
                seen.add(edge.caller)
                todo.append(edge.caller)
                valued.add(caller.module)
    return frozenset(valued)


def _keeps_requests_calls(
    module: str,
    graph: CallGraph,
    edits: dict[str, FileEdits],
    valued: frozenset[str],
    only: frozenset[str] | None,
) -> bool:
    if module in valued:
        return True
    converted = edits[module].http_calls if module in edits else {}
    kept_here = (
        qualname
        for qualname, kept in graph.kept.items()
        if any(c.refusal is None and (only is None or c.target in only) for c, _ in kept)
    )
    if any(graph.functions[qualname].module == module for qualname in kept_here):
        return True
    cols = _Columns(graph.project.files[module].source.text)
    shared = edits[module].shared_attrs if module in edits else {}
    for fn in graph.functions.values():
        if only is not None or fn.module != module or not fn.class_qualname:
            continue  # a session's calls do not go through requests.post
        # ``self.s = requests.Session()`` where no call through ``self.s`` moves to
        # httpx (they are made elsewhere, or not at all): it stays requests'.
        for text, typ in fn.attr_sets:
            owner, _, attr = text.partition(".")
            if owner != "self" or typ != "requests.Session" or "." in attr:
                continue
            if attr not in shared.get(fn.class_qualname, {}):
                return True
    for qualname, calls in graph.blocking.items():
        if graph.functions[qualname].module != module:
            continue
        for call, entry in calls:
            if entry.name in CONTEXT_ENTRIES:
                continue  # ``with S() as s``: entering a client, not a request
            if only is not None and entry.name not in only:
                continue
            if entry.name.startswith("requests.") and cols.pos(call.span) not in converted:
                return True
    return _makes_a_kept_session(module, graph, edits.get(module), cols)


def _makes_a_kept_session(
    module: str, graph: CallGraph, fe: FileEdits | None, cols: _Columns
) -> bool:
    """A requests session made in sync code that stays as it is (``g.http =
    requests.Session()`` in a helper): the calls made through it may be ones the
    analysis cannot follow (``session().get(...)``), and they stay on requests."""
    made = fe.client_constructors if fe is not None else {}
    shared = fe.shared_attrs if fe is not None else {}
    for fn in graph.functions.values():
        if fn.module != module or fn.name == "<module>":
            continue  # a module's global session moves with the calls made through it
        if fn.is_async or (fe is not None and fn.qualname in fe.client_factories):
            continue  # a factory that makes an AsyncClient now (see plan/factories.py)
        for call in fn.calls:
            if CONSTRUCTORS.get(graph.resolve(call.target) or "") != "requests.Session":
                continue
            if cols.pos(call.span) in made:
                continue
            if fn.name == "__init__" and fn.class_qualname in shared:
                continue  # ``self.session = requests.Session()``: the instance's client
            if _made_for_shared_attr(fn, shared, "requests.Session"):
                continue  # likewise in another method (a Flask extension's ``init_app``)
            if fe is not None and fn.qualname in fe.lazy_holders:
                continue  # ``_local.s = requests.Session()`` on first use: likewise
            return True
    return False


def _made_for_shared_attr(fn: Function, shared: dict[str, dict[str, str]], typ: str) -> bool:
    """Whether ``fn`` makes a session (``typ``) for an attribute of its instance that
    becomes a client per event loop (``if self._s is None: self._s = Session()``)."""
    attrs = shared.get(fn.class_qualname or "", {})
    return any(
        kind == typ and text.startswith("self.") and text.removeprefix("self.") in attrs
        for text, kind in fn.attr_sets
    )


_THROUGH_MODULE = re.compile(r"\b(\w+)\.requests\.\w")


def _requests_through_modules(project: Project, edits: dict[str, FileEdits]) -> dict[str, set[str]]:
    """Files naming requests through a module whose calls move to httpx, which no
    longer imports it (``lookup.requests.HTTPError`` in a test): the names so used."""
    found: dict[str, set[str]] = {}
    for module, loaded in project.files.items():
        facts = project.facts.get(module)
        if facts is None or ".requests." not in loaded.source.text:
            continue
        for local in set(_THROUGH_MODULE.findall(loaded.source.text)):
            named = facts.imports.get(local)
            if named in edits and edits[named].http_calls:
                found.setdefault(module, set()).add(f"{local}.requests")
    return found


def _imports_requests(text: str) -> bool:
    return _imports(text, "requests")


def _imports(text: str, module: str) -> bool:
    pattern = rf"^[ \t]*(?:import|from)[ \t]+{re.escape(module)}\b"
    return re.search(pattern, text, re.MULTILINE) is not None


def _collected(graph: CallGraph, bridge: Bridge) -> Literal["", "list", "iter"]:
    """How sync code gets the items of a generator that became async, if it calls one."""
    callee = graph.functions.get(bridge.callee)
    if callee is None or not callee.is_generator:
        return ""
    caller = graph.functions[bridge.function]
    call = next((c for c in caller.calls if c.span == bridge.span), None)
    taken_by_next = call is not None and (
        generators.consumer(call, graph) == generators.NEXT
        or any(how == "next" for _, how, _ in call.taken_at)
    )
    return "iter" if taken_by_next else "list"
