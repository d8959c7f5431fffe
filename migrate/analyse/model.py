"""The facts analysis gathers about one module: plain picklable dataclasses.

Worker processes produce them in parallel (:mod:`migrate.analyse.facts`); the
project-wide passes (graph, colouring, concurrency) and the plan read them.
Names are resolved as far as one file allows; what cannot be resolved is
``None`` so later stages can say so instead of guessing.

It is long because it is the one list of what a worker hands the passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .made_by import CallArgs

FanOutKind = Literal[
    "loop",
    "loop-append",
    "loop-dict",
    "comprehension",
    "map",
    "executor-map",
    "executor-submit",
    "executor-completed",
    "thread-workers",
]
# What a concurrency spot is: a fan-out of one of those shapes, independent
# calls side by side, or writes whose order the upstreams observe.
SpotKind = Literal[FanOutKind, "sequential-calls", "ordered-writes"]
Shape = Literal["list", "dict", "set"]
# Code a framework calls: Flask views and hooks, pytest tests and fixtures.
Framework = Literal["flask-view", "flask-handler", "pytest-test", "pytest-fixture"]


@dataclass(frozen=True)
class Span:
    """Where something is: 1-based lines, 0-based columns, as ``ast`` gives."""

    line: int
    col: int
    end_line: int
    end_col: int

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies within this span."""
        start, end = (other.line, other.col), (other.end_line, other.end_col)
        return (self.line, self.col) <= start and end <= (self.end_line, self.end_col)


class LocalMock(NamedTuple):
    """A test's own ``Mock()`` it hands on (see local_mocks)."""

    name: str
    span: Span  # where it is made
    methods: tuple[str, ...]  # those the test only configures or asserts on
    as_argument: bool  # handed on only as a call's argument
    # ``service._library = mock``: (the local, the attribute) it is put in.
    kept_in: tuple[tuple[str, str], ...] = ()


@dataclass
class Call:
    """One call expression inside a function (or module-level code)."""

    span: Span
    target: str | None  # resolved qualified name of the callee
    text: str  # the callee as written, e.g. ``session.get``
    awaited: bool = False
    in_lambda: bool = False
    tested: bool = False  # a read only tested for truth or None (``if s.auth:``)
    named: bool = False  # a read by name, ``getattr(obj, name)`` (see named_reads)
    iterated: bool = False  # the result is iterated (for / comprehension)
    # ``pages = f()`` ... ``for page in pages``: where the local holding it is iterated.
    iterated_at: Span | None = None
    # ``it = f()`` ... ``next(it)``, ``list(it)``, ``for x in it``: each read of the
    # local, the builtin it is handed to (or ``"for"``), and an ``except
    # StopIteration`` around it (see iterated_locals).
    taken_at: tuple[tuple[Span, str, Span | None], ...] = ()
    arg_of: str | None = None  # the result is passed to this callee
    http_verb: str | None = None  # for ``session.request("POST", ...)``
    # ``session.request(method, ...)`` with ``method`` a parameter of the function.
    method_param: str | None = None
    # HTTP methods given as constants, by position (``"0"``) or keyword (``"GET"``).
    methods_given: tuple[tuple[str, str], ...] = ()
    # Types of the arguments that hold a known object (``auth=oauth`` where
    # ``oauth = OAuth1(...)``), resolved as far as the module can tell.
    arg_types: tuple[str, ...] = ()
    # ``with x:`` enters and exits ``x``: the implicit ``__enter__``/``__exit__`` call.
    context_manager: bool = False
    with_item: bool = False  # ``with f(...) as x``: the call is a with item
    # Iterated by a generator expression: what it is handed to ("" for nothing).
    genexp_of: str | None = None
    # What it is given: positional arguments (-1: one is ``*starred``) and keywords;
    # which positional argument it is itself, when it is one.
    positional: int = 0
    keywords: tuple[str, ...] = ()
    position: int | None = None
    # ``closing(x)`` entered by a ``with``: where ``x`` is, and as written.
    closes: Span | None = None
    closes_text: str = ""
    # Why a call with an async twin keeps its blocking form here (a shape the
    # rewrite cannot carry); the plan lists it for review.
    refusal: str | None = None
    # ``req = Request(...)`` right before ``urlopen(req)``: the call takes its place.
    request_span: Span | None = None
    # A request built by hand and sent (``requests.Request(...)``, ``session.send(p)``):
    # where ``prepare_request`` builds it, and why it stays on requests (see prepared).
    prepared: Span | None = None
    prepared_refusal: str | None = None
    # The name passed as ``**name`` (``requests.get(url, **kwargs)``), and as
    # ``*name`` after the positional arguments (``super().__init__(site, *args)``).
    star_kwargs: str | None = None
    star_args: str | None = None
    # What each argument holds, for types that flow from call sites into
    # parameters (see :func:`~migrate.analyse.names.NameResolver.value_of`):
    # positional ones up to a ``*starred`` one, then the keywords.
    arg_values: tuple[str | None, ...] = ()
    lambda_of: tuple[Span, int | str] | None = None  # a lambda's body: its call, argument
    kwarg_values: tuple[tuple[str, str | None], ...] = ()
    # Called through its class (``Base.__init__(self, x)``): ``self`` is passed.
    unbound: bool = False
    # Sessions and ``None`` it is given, by position (``"0"``) or keyword: how each is
    # held here (see :meth:`~migrate.analyse.held.HeldVisitor.session_kind`).
    sessions_given: tuple[tuple[str, str], ...] = ()
    # In a test or fixture: the fixtures it hands on as they are, by slot (as above).
    fixtures_given: tuple[tuple[str, str], ...] = ()
    # Called on a name holding only plain values (``settings.get(k)``, a dict):
    # no project method, whatever the method's name.
    plain_receiver: bool = False
    # Called through a parameter (``<param>.region.population``): the graph sets
    # ``target`` when every caller gives that parameter one type.
    param_target: str | None = None
    # Through a local bound to one of these classes: each one's constructor's (choices).
    choices: tuple[str, ...] = ()
    # Called through a name a loop binds to one function per item (see
    # loop_functions): a call site of each of them.
    alternatives: tuple[str, ...] = ()
    # ``f(...)(...)``: this call's result is called at once; the call of it names
    # ``f`` here, whose returns may pick the class made (see choices).
    result_called: bool = False
    chosen_by: str | None = None
    # ``pages[name]``: the ``__getitem__`` a subscript of an instance runs.
    subscript: bool = False
    # ``name in jobs``, ``len(jobs)``, ``jobs[k] = v``, ``del jobs[k]``: a dunder
    # with an async twin (see twins), by the kind of site ("in", "len", ...).
    dunder: str | None = None
    # ``for page in pages``, ``next(pages)``: the ``__next__`` iterating an instance runs.
    iterates: bool = False
    # ``try: next(pages) except StopIteration``: where that handler names StopIteration.
    stop_handler: Span | None = None
    # The whole value of ``name = C(...)`` or ``self.name = C(...)``: what it makes is
    # held where calls of it are seen (see called_instances).
    held: bool = False


@dataclass(frozen=True)
class Injection:
    """A session a function's caller may give: ``self.session = session or
    requests.Session()``, ``kwargs.get("session") or ...``, or a parameter
    annotated as one (``session: Optional[requests.Session] = None``)."""

    holder: str  # what holds it afterwards: ``self.session`` or ``session``
    param: str  # the parameter that gives it (the ``**kwargs`` one for ``kwargs.get``)
    keyword: str | None  # the key read from ``**param``
    span: Span
    # The function changes what it holds (``self.session.headers[...] = ...``) after
    # choosing it: an injected session would be changed too, a default one is made so.
    configured: bool = False


@dataclass
class Ref:
    """A function used as a value (not called here), e.g. ``sorted(key=f)``."""

    span: Span
    target: str | None
    text: str
    receiver: str | None  # the callee it is handed to, resolved or as written
    keyword: str | None = None
    # Handed to Flask registration (accepts async), or bound by a partial whose calls
    # are awaited where they are made (see aliases).
    in_async_receiver: bool = False
    call_span: Span | None = None  # the call it is an argument of: ``async_to_sync(f)``
    in_lambda: bool = False
    instance: bool = False  # a variable holding an instance (``repr(site)``), not the class
    # That call's result is called at once (``async_to_sync(f)(x)``), not handed on.
    call_called: bool = False
    position: int | None = None  # which positional argument it is (None: a keyword)
    statement: bool = False  # the call it is handed to is a statement of its own
    # ``partial(endpoint.get)``, ``endpoint`` a parameter: ``<param>.endpoint.get``,
    # whose target the type flow gives (see typeflow), as it does a call's.
    param_target: str | None = None
    # Assigned to another module's attribute (``sys.excepthook = self.on_error``), which
    # that module calls later, by itself: ``receiver`` is the attribute.
    stored: bool = False


@dataclass
class KeptFunction:
    """``self.<attr> = <chain>`` or ``= partial(<chain>, ...)`` in a method: a function
    (or bound method) the instance keeps to call later (see kept_methods)."""

    attr: str
    span: Span  # the chain as written
    text: str
    target: str | None
    param_target: str | None = None  # ``<param>.endpoint.get``: typed by the flow


@dataclass
class Patch:
    """A fake put in place of ``mod.fetch``.

    ``monkeypatch.setattr(mod, "fetch", fake)``, ``mock.patch("mod.fetch", fake)``
    (``new=``, decorator or ``with``), ``mock.patch.object(mod, "fetch", fake)`` or
    a plain ``mod.fetch = fake``.
    """

    span: Span  # the fake as written
    target: str | None  # resolved qualified name of what is replaced
    fake: str | None  # resolved qualified name of the fake; None for a lambda or other value
    wrap: bool = False  # a lambda or other callable value, wrapped in AsyncMock
    is_mock: bool = False  # ``Mock(...)``/``MagicMock(...)``: its calls return plain values
    target_span: Span | None = None  # the target string, or the owner object, as written
    fixture: str | None = None  # the fake is what this pytest fixture gives
    # The fake is a local name the analysis cannot follow (``fake, calls =
    # make_fake()``): a function the test made, not a mock it configures.
    named: bool = False
    # A lambda: how many positional parameters it takes (``lambda self: True``
    # set on a class takes the instance, as the method it replaces did).
    lambda_params: int | None = None
    # ``patch.object(OSF, "project", return_value=MockProject("p"))``: the function
    # called for what the patch's mock returns (see stand_ins).
    returns: str | None = None
    name_span: Span | None = None  # the name string after the owner object, if given so
    # A plain ``mod.fetch = value``, target_span its owner (``mod``): "read" when the
    # value is a name, attribute or item read back (what a test saved, put back).
    assigned: Literal["", "value", "read"] = ""


@dataclass(frozen=True)
class Dynamic:
    """A method of an object named only at run time (see dynamic).

    ``getattr(obj, name)(...)`` calls it (``"call"``: the span is that call);
    ``setattr(obj, name, MagicMock())`` puts a sync mock in its place (``"mock"``:
    the span is the mock as made, maybe assigned to a local first).
    """

    kind: Literal["call", "mock"]
    span: Span
    held: str | None  # the object, as names resolve it (a type, ``<fixture>.x``...)
    text: str  # the object as written
    awaited: bool = False
    # The name is a function's (``method.__name__``): one of the functions used as values.
    named_after_function: bool = False
    # The names a test's ``parametrize`` gives it, when all are plain strings.
    names: tuple[str, ...] = ()
    # How the name starts, where it is put together (``"get_" + kind``, ``f"get_{kind}"``).
    prefix: str = ""


@dataclass
class Decorator:
    span: Span
    target: str | None
    text: str
    is_call: bool


@dataclass
class FanOut:
    """A loop, comprehension or map that calls something once per item."""

    kind: FanOutKind  # "loop": a loop that fetches but is no fan-out (see refusal)
    span: Span
    call_target: str | None
    iter_text: str
    refusal: str | None = None  # why it is not safe to run concurrently, seen locally
    # A thread pool's ``max_workers`` when the source gives it: never more at once.
    workers: int | None = None
    # ... or the source of its size when known at run time only (``max_workers=n``).
    pool_size: str = ""
    # ``worker = partial(f, a)`` right before ``pool.map(worker, xs)``: that partial call.
    partial: Span | None = None


@dataclass
class Assignment:
    """``name = call(...)``: a candidate for consecutive independent calls."""

    span: Span
    names: tuple[str, ...]
    call_target: str | None
    reads: frozenset[str]  # names the call's arguments read
    block: int  # statements in the same block share this id
    index: int  # position of the statement in its block


@dataclass
class Function:
    """A function, method, nested function, or a pseudo-function for module code."""

    qualname: str
    name: str
    module: str
    span: Span
    is_async: bool = False
    is_generator: bool = False
    # A plain function each of whose returns hands back a call's result (``return
    # self._pages(url)``): those calls. When each gives a generator, the function
    # is a relay (see generators.mark_relays): a generator to its callers, while
    # it stays a plain ``def``.
    relayed: tuple[Span, ...] = ()
    # Its body is only a docstring, ``pass``, ``...`` or ``raise NotImplementedError``:
    # an abstract method (or an interface's), which its overrides implement.
    stub: bool = False
    relay: bool = False
    # Calls made inside ``with self.lock:``, holding a shared object entered there
    # (a lock): an await among them would hold it while other tasks wait.
    held_calls: tuple[Span, ...] = ()
    held_names: tuple[str, ...] = ()  # what those ``with`` statements enter, as written
    # ``@contextlib.contextmanager``: a generator entered by ``with`` statements.
    contextmanager: bool = False
    # A generator with a yield inside a ``with`` or ``try``: closing it runs code.
    holds_across_yield: bool = False
    # ``name = lambda ...:`` in a function, read as the nested def it stands for.
    named_lambda: bool = False
    class_qualname: str | None = None
    parent: str | None = None
    params: tuple[str, ...] = ()
    positional: int = 0  # how many of ``params`` can be given by position
    # ``*args`` and ``**kwargs`` by name; and whether the ``**`` parameter is used
    # other than handed on whole (``kwargs.setdefault(...)``, ``kwargs["x"]``).
    vararg: str | None = None
    kwarg: str | None = None
    kwargs_read: bool = False
    # Likewise for the ``*`` parameter (``args[0]``), read for a request method only.
    varargs_read: bool = True
    # Parameters whose default is None: a call leaving one out gives it None.
    none_defaults: tuple[str, ...] = ()
    # Parameters with no default, ``*args``/``**kwargs`` aside: every call gives each.
    required: tuple[str, ...] = ()
    # Parameters annotated with a class (``client: Client``): (name, the class).
    annotated_params: tuple[tuple[str, str], ...] = ()
    # Parameters defaulting to a function (``fetch=fetch_json``): its name, where (see passed).
    function_defaults: tuple[tuple[str, str, Span], ...] = ()
    # Parameters whose default names an HTTP method (``method="GET"``).
    method_defaults: tuple[tuple[str, str], ...] = ()
    # A ``__call__(self, r)``: what it does with ``r`` (see :func:`scopes.argument_uses`).
    argument_uses: tuple[tuple[str, bool], ...] = ()
    decorators: list[Decorator] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    # Calls of an enclosing function's parameter (owner, name, where); in a
    # ``__call__``, calls of ``self.<attr>`` (owner: the class).
    param_calls: list[tuple[str, str, Span]] = field(default_factory=list)
    # ``self.<attr> = <parameter>`` in a method: the attributes it sets so.
    param_attrs: tuple[str, ...] = ()
    kept_params: tuple[tuple[str, str], ...] = ()  # the same, as (parameter, attribute)
    # ``self.client = client or HttpClient()``: kept unless not given, (parameter, attribute).
    defaulted_params: tuple[tuple[str, str], ...] = ()
    kept_functions: list[KeptFunction] = field(default_factory=list)
    # Its body is ``return async_to_sync(self.<name>)(...)``: that name (an earlier
    # run's bridge from a property kept for sync readers to its async twin).
    twin_shim: str | None = None
    # A method each of whose returns gives ``self.<attr>`` (``get_jenkins_obj()``).
    returns_self_attr: str | None = None
    # Every ``return`` names a function (``return self.gitlab.http_put``), resolved
    # as far as the module allows: calls of its result call one of them.
    returned_refs: tuple[str, ...] = ()
    # The names its return annotation mentions (``Union[Pager, List[dict]]``), resolved.
    annotated_returns: tuple[str, ...] = ()
    # ``self.<attr> = value`` in a method: the attribute and what the value holds.
    self_assigns: tuple[tuple[str, str | None], ...] = ()
    # ``obj.attr = value`` or ``name = value``, value's type known: (target as written, type).
    attr_sets: list[tuple[str, str]] = field(default_factory=list)
    # ``self.session.auth = auth``: attributes of an object given a parameter, as
    # (the target as written, the parameter); see graph._handed_auths.
    param_sets: list[tuple[str, str]] = field(default_factory=list)
    # ``setattr(obj, name, value)``, ``name`` known at run time only: the object, the line.
    runtime_setattrs: list[tuple[str, int]] = field(default_factory=list)
    # What it assigns, deletes or changes in place: attributes of ``self``
    # (``self.seen.append(x)``: calling it changes its receiver), module globals
    # (``_users[uid] = ...``, a cache filled per key), parameters (``seen.add(x)``).
    self_writes: tuple[str, ...] = ()
    # Attributes of ``self`` it only counts with (``self.requests += 1``,
    # ``self.stats["sent"] += 1``): calls made in any order end with the same count.
    self_counts: tuple[str, ...] = ()
    global_writes: tuple[str, ...] = ()
    param_writes: tuple[str, ...] = ()
    fan_outs: list[FanOut] = field(default_factory=list)
    # Generator expressions handed to a caller that takes their items one at a time
    # from a sync iterator (``zip``, ``islice``...): (that caller, the calls each
    # item makes).
    lazily_taken: list[tuple[str, tuple[Span, ...]]] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    returns_inner: tuple[str, ...] = ()
    patches: list[Patch] = field(default_factory=list)
    dynamic: list[Dynamic] = field(default_factory=list)
    boundary: str | None = None  # why it cannot become async
    yield_from_value: bool = False  # ``x = yield from g()``: uses a generator's return value
    returns_value: bool = False  # ``return x`` with a value (in a generator: its result)
    # A property getter: "property" or "cached_property".
    property: str | None = None
    # ``x.attr`` read (not called, not assigned): candidates for property reads.
    reads: list[Call] = field(default_factory=list)
    # ``x.attr = value``: candidates for property setters, which run on assignment.
    writes: list[Call] = field(default_factory=list)
    framework: Framework | None = None
    memoised: str | None = None
    # A memoising decorator that has an async twin (``async_memo``): where it is.
    async_memo: Decorator | None = None
    injected: tuple[Injection, ...] = ()
    # Every return picks one of these classes (see choices).
    returns_classes: tuple[str, ...] = ()
    # Parameters its body only ever calls (``model_class(client, data)``; see handed_classes).
    called_params: tuple[str, ...] = ()
    # ``raise StopIteration``, and a bare ``raise`` handling one: the end of iteration.
    stop_raises: tuple[Span, ...] = ()
    # A test's own ``Mock()`` it hands on (see local_mocks).
    local_mocks: tuple[LocalMock, ...] = ()
    # ``<patch mock>.return_value = jenkins`` / ``= jenkins()`` in a test, the mock one
    # a ``mock.patch`` decorator hands it: (what is patched, the name, called); see
    # patched_returns.
    patched_returns: tuple[tuple[str, str, bool], ...] = ()


@dataclass(frozen=True)
class MockAttr:
    """One attribute a test helper configures on the plain mock it makes (see
    mock_factories): ``storages=[MockStorage("a")]``."""

    name: str
    span: Span  # the value as written
    # "mock": a plain mock (``MagicMock(return_value=...)``); "items": a list or
    # tuple; "made": another call; "": anything else.
    shape: str
    # The functions called to make what it gives: the mock's ``return_value``, each
    # item, or the call itself.
    made: tuple[str, ...] = ()


@dataclass(frozen=True)
class MockFactory:
    """A function that makes a plain mock, configures it and returns it."""

    span: Span  # the ``MagicMock(...)`` call
    attrs: tuple[MockAttr, ...]


@dataclass(frozen=True)
class BridgeAlias:
    """``load = sync_to_async(db.load)`` at the top of a module: a sync function
    bridged once, called as ``await load(...)`` wherever the module needs it."""

    name: str
    target: str  # the bridged callable as written: ``db.load``
    thread_sensitive: bool
    statement: Span  # the assignment
    call_span: Span  # ``sync_to_async(db.load)``
    uses: tuple[Span, ...]  # the names that read it (not hidden by a local of that name)


@dataclass
class ModuleFacts:
    """Everything the project-wide passes need to know about one module."""

    module: str
    path: str
    is_package: bool
    imports: dict[str, str]  # local name -> qualified name
    defs: dict[str, str]  # top-level name -> qualified name (functions and classes)
    classes: dict[str, list[str]]  # class qualname -> base class qualnames (resolved)
    functions: dict[str, Function]
    typed_names: dict[str, str]  # module global -> type (catalogue object or project class)
    is_test_file: bool = False
    # pytest fixtures defined at the top level -> the type of object they give.
    fixture_types: dict[str, str] = field(default_factory=dict)
    # Test class qualname -> its fixtures -> the type each gives ("": unknown).
    class_fixtures: dict[str, dict[str, str]] = field(default_factory=dict)
    # pytest fixtures that return a plain mock made right there -> where it is made,
    # and the return annotation naming its class, if one does.
    fixture_mocks: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    # Factory functions and methods -> the type of object they give (``api =
    # make_api()`` then ``api.fetch()``), and of the items of a list they give.
    return_types: dict[str, str] = field(default_factory=dict)
    return_items: dict[str, str] = field(default_factory=dict)
    # ``-> Union[PageList, List[Page]]``: the classes whose items must be those too.
    return_iterables: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # What a function returning another's result hands that call, where what that
    # one gives depends on it (see made_by): by the function's local name.
    returned_args: dict[str, CallArgs] = field(default_factory=dict)
    # Functions and methods (``Engine.create_session``) that make the session they
    # return: only the attributes they fill are typed from them (see typeflow).
    session_returns: dict[str, str] = field(default_factory=dict)
    # Methods and functions that give the session an attribute holds, made there on
    # first use (``if self._s is None: self._s = requests.Session()`` ... ``return
    # self._s``) -> that attribute as written (``self._s``).
    session_accessors: dict[str, str] = field(default_factory=dict)
    # Those that give an instance of one of several classes (see choices).
    return_choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Those whose returns give different things (``return self.http_client`` on one
    # path, ``return HttpClient(...)`` on another): each as ``return_types`` writes
    # it, a class or an attribute of the owner, for the graph to reconcile.
    return_either: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Class qualname -> its instance attributes' types (``self.api = Api(...)``).
    attr_types: dict[str, dict[str, str]] = field(default_factory=dict)
    class_spans: dict[str, Span] = field(default_factory=dict)  # where each class is
    # ``app.extensions["api"] = Api(...)``: a library object's container (resolved)
    # -> the types stored in it (see object_attrs).
    stored_items: dict[str, set[str]] = field(default_factory=dict)
    # Class qualname -> the names its body assigns (``auth = None``).
    class_attrs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Class qualname -> alias -> the method its body binds it to (``do_GET = _handle``).
    method_aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    # ``fetch = fetch_user``, ``flaky = Retry(3)(_raw)``: top-level names standing for
    # a function, and what they stand for (see global_aliases).
    global_aliases: dict[str, str] = field(default_factory=dict)
    # Names the module's top-level code binds (imports, definitions, assignments).
    top_level: frozenset[str] = frozenset()
    star_imports: tuple[str, ...] = ()  # modules it imports with ``from m import *``
    # What an ``except ImportError:`` import binds a name to instead, where the
    # ``try`` body bound it first (see Project.settle_fallbacks).
    fallback_imports: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def imported_module(self, name: str) -> str | None:
        """What ``name`` is imported as, when that names a module as spelt (lower case)."""
        imported = self.imports.get(name)
        return imported if imported and imported.rsplit(".", 1)[-1].islower() else None

    # Module-level ``sync_to_async`` bridges, by the name they are bound to.
    bridge_aliases: dict[str, BridgeAlias] = field(default_factory=dict)
    # Names used as values (``{6: Image}``, ``return Page``, ``make = Page``): a
    # class or function called where the analysis cannot see it.
    values: set[str] = field(default_factory=set)
    # Instances used as values the same way (``return self.rank``): called elsewhere;
    # and the attributes so read, whatever holds them (``api.rank``, ``api`` untyped).
    instance_values: set[str] = field(default_factory=set)
    value_attrs: set[str] = field(default_factory=set)
    # Module dicts of classes only read to call what they pick (see registries).
    registries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Attributes assigned on something other than ``self`` (``page.site = s``) a value
    # of no known type; those given a known one, with the function and what it holds.
    attr_writes: set[str] = field(default_factory=set)
    attr_values: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # ``self.page_class = Page``: classes kept in an attribute, by its name (values
    # only where some module reads that attribute).
    attr_classes: dict[str, set[str]] = field(default_factory=dict)
    # ``self.clients = [Client(u) for u in urls]`` (or ``.append(Client(u))``): the
    # types of the items each ``Class.attr`` is filled with ("" for one not known).
    attr_items: dict[str, set[str]] = field(default_factory=dict)
    # ``class Devices(list[Device])``: the class of the items it holds, by class.
    class_items: dict[str, str] = field(default_factory=dict)
    # Functions one call of a name may run either of, so async together: a name
    # defined twice (``if fast: def fetch()... else: def fetch()...``, the later one
    # keyed ``fetch@<line>``), a singledispatch function and what it registers.
    run_together: list[tuple[str, str]] = field(default_factory=list)
    # ``setattr(Node, f"get_{key}", make_getter(key))`` at the top level: the class
    # gets methods named at run time, made by these functions (see dynamic).
    made_methods: dict[str, set[str]] = field(default_factory=dict)
    # Annotations naming a session type (``Optional[requests.Session]``): the class or
    # function whose attribute or parameter it annotates, that name, the annotation.
    session_annotations: list[tuple[str, str, Span]] = field(default_factory=list)
    # ``session: Session = field(default_factory=requests.Session)`` (or attrs'
    # ``factory=``): class -> such fields -> where the factory is given.
    session_fields: dict[str, dict[str, Span]] = field(default_factory=dict)
    # Top-level functions returning a plain mock they configure (see mock_factories).
    mock_factories: dict[str, MockFactory] = field(default_factory=dict)


# The object a call gives, when only the project-wide graph can tell its type:
# ``pkg.clients.make_api()`` (a factory defined in another module).
RETURNS_SUFFIX = "()"
# ``for store in project.storages``: ``store`` holds an item of what the generator
# (a property, or a call) gives, ``...Project.storages[]``: what it yields.
ITEMS_SUFFIX = "[]"


# ``self.session`` handed to a call where the module alone cannot tell that it holds
# a session (it was handed in): ``attr?:session``, which the type flow settles.
MAYBE_ATTR = "attr?:"

# A value that is one of the enclosing function's parameters (``<param>.page.site``):
# its type is what the function's callers pass, known only project-wide.
PARAM_PREFIX = "<param>."


# A test's parameter is a pytest fixture, maybe from a conftest.py: its type is
# looked up project-wide by the graph (``<fixture>.api.get`` -> ``Client.get``).
FIXTURE_PREFIX = "<fixture>."


# A method replaced on an object of unknown type, by name only
# (``Helper._client.write_points = fake``): see by_name.
NAMED_PREFIX = "<named>."
