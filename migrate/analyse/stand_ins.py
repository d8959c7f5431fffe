"""Plain mocks a test helper makes to stand in for project objects.

``patch.object(OSF, "project", return_value=MockProject("p"))``: ``OSF.project``
gives a ``Project``, so the mock ``MockProject`` makes stands in for one, and
the code under test now awaits its methods and takes its generators' items
with ``async for``. What the helper configures follows the class it stands
for (see mock_factories), attribute by attribute:

- a method that became async, configured as a plain mock
  (``type(m).storage = MagicMock(return_value=...)``), becomes an AsyncMock:
  the test configures and asserts on it as before;
- a property that gives an async generator now, configured as a list
  (``storages=[...]``), becomes a list the code can take with ``async for``,
  which the test still indexes;
- the async methods it leaves unconfigured (``file.write_to(fp)``, an
  auto-made child) are given as AsyncMocks where the mock is made.

What each attribute gives is a stand-in in turn (``MockStorage("a")`` in
``storages`` stands in for what ``Project.storages`` yields), so helpers that
make one another's mocks are followed.
"""

from __future__ import annotations

from collections.abc import Iterator

from .decisions import Colouring, Fake
from .graph import CallGraph
from .model import MockFactory, Span


def stand_ins(graph: CallGraph, result: Colouring) -> None:
    """Note the fakes that make each helper's mock stand in for its class as it is now."""
    factories = {
        f"{facts.module}.{name}": factory
        for facts in graph.project.facts.values()
        for name, factory in facts.mock_factories.items()
    }
    if not factories:
        return
    todo = [
        (patch.returns, cls)
        for fn in graph.functions.values()
        for patch in fn.patches
        if patch.returns in factories
        and (cls := graph.returned(graph.resolve(patch.target) or "")) is not None
    ]
    taken = {fake.span for fake in result.fakes}
    done: set[str] = set()
    while todo:
        helper, cls = todo.pop()
        if helper is None or helper in done or helper not in factories:
            continue
        done.add(helper)
        factory = factories[helper]
        todo += _configured(graph, result, helper, cls, factory, taken)
        unset = {attr.name for attr in factory.attrs}
        methods = tuple(sorted(m for m in _async_methods(graph, result, cls) if m not in unset))
        if methods and factory.span not in taken:
            result.fakes.append(Fake(helper, cls, factory.span, None, mock_methods=methods))


def _configured(
    graph: CallGraph,
    result: Colouring,
    helper: str,
    cls: str,
    factory: MockFactory,
    taken: set[Span],
) -> list[tuple[str, str]]:
    """The fakes for the attributes ``helper`` configures on its stand-in for ``cls``;
    returns the helpers making what those attributes give, with the class each stands for."""
    more: list[tuple[str, str]] = []
    for attr in factory.attrs:
        member = graph.functions.get(graph.resolve(f"{cls}.{attr.name}") or "")
        if member is None or attr.span in taken:
            continue
        now_async = member.is_async or result.is_async(member.qualname)
        if member.property is not None and member.is_generator:
            if attr.shape == "items" and now_async:
                result.fakes.append(Fake(helper, member.qualname, attr.span, None, item_list=True))
            given = graph.yielded(member.qualname)
        else:
            if attr.shape == "mock" and now_async and member.property is None:
                result.fakes.append(Fake(helper, member.qualname, attr.span, None, mock=True))
            given = graph.returned(member.qualname)
        if given is not None:
            more += [(made, given) for made in attr.made]
    return more


def _async_methods(graph: CallGraph, result: Colouring, cls: str) -> Iterator[str]:
    """The public methods of ``cls`` (its own or inherited) that are async now, not
    generators: what code awaits on an instance."""
    for qualname in graph.public_methods(cls):
        fn = graph.functions[qualname]
        if not fn.is_generator and (fn.is_async or result.is_async(qualname)):
            yield fn.name
