"""The rules, in the order they act on each node.

Order matters where two rules touch the same call:

1. ``http-client`` first: it rewrites a requests call into its httpx form
   (and awaits it); later rules then see the final call.
2. ``urllib-request`` and ``sleep``: the same for ``urlopen`` and ``time.sleep``.
3. ``async-propagation``: awaits calls of project functions that became
   async. It never touches the calls the two rules above own.
4. ``bridges`` last among call rules: it wraps whatever the call has become
   (``async_to_sync(session.get)(...)`` needs the httpx form of the call).
5. ``unwind`` removes bridges of an earlier step; it never meets a call that
   ``bridges`` wraps (a call is either bridged now or was bridged before).
6. ``gather`` works on whole blocks, after their statements were rewritten,
   so the awaits it gathers include unwound bridges.
7. The test rules come last: ``pytest-asyncio`` marks tests that
   ``async-propagation`` made async (it checks the original ``def``, so it
   does not depend on that rule's output); ``http-mocks`` rewrites calls no
   earlier rule owns (``responses.*``), and its block hook runs after
   ``gather`` so route registrations are merged in their final form;
   ``async-fakes`` makes monkeypatched stand-ins async, independently.
8. ``quart`` runs alone, in its own stage (``apply --to quart``), after the
   asyncio stage is done: it rewrites the whole module once the rest has.
9. ``dependencies`` has no hook here: ``migrate apply`` runs it after the
   pass, on dependency files, since it needs what every file now imports.
"""

from __future__ import annotations

from .async_fakes import AsyncFakes
from .async_propagation import AsyncPropagation
from .base import Rule
from .bridges import Bridges
from .dependencies import Dependencies
from .gather import Gather
from .http_client import HttpClient
from .http_mocks import HttpMocks
from .pytest_asyncio import PytestAsync
from .quart import QuartStage
from .sleep import Sleep
from .unwind import Unwind
from .urllib_request import UrllibRequest

RULES: tuple[type[Rule], ...] = (
    HttpClient,
    UrllibRequest,
    Sleep,
    AsyncPropagation,
    Bridges,
    Unwind,
    Gather,
    PytestAsync,
    HttpMocks,
    AsyncFakes,
    Dependencies,
    QuartStage,
)

BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in RULES}
BY_NAME: dict[str, type[Rule]] = {rule.name: rule for rule in RULES}

__all__ = ["BY_CODE", "BY_NAME", "RULES", "Rule"]
