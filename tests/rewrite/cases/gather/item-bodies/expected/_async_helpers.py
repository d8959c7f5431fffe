"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Iterator, Mapping
from typing import Any

import httpx

# One TLS context for every client the package makes: httpx would load the CA
# bundle again for each one (~15 ms), and where sync code runs each call on a
# new event loop, a client lives one call.
TLS_CONTEXT = httpx.create_ssl_context()


def _request_log_at_debug(record: logging.LogRecord) -> bool:
    """httpx logs each request at INFO, where urllib3 logged it at DEBUG: a
    program logging at INFO would print a line it never printed."""
    if record.levelno != logging.INFO:
        return True
    record.levelno, record.levelname = logging.DEBUG, "DEBUG"
    return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


logging.getLogger("httpx").addFilter(_request_log_at_debug)


#: What a gather takes: a call, a tuple of one item's calls, or a generator
#: (or ``map``) of either: ``(fetch(x) for x in xs)``.
Calls = Awaitable[Any] | tuple[Awaitable[Any], ...] | Iterator[Any] | AsyncIterator[Any]


async def _calls_made(calls: tuple[Calls, ...]) -> tuple[list[Any], Exception | None]:
    """The calls (and tuples of calls) ``calls`` holds, a generator's made
    item by item; and what a generator raised while making one. The loop a
    gather replaces raised it after making the calls before it, which the
    gather still makes: none is left never awaited. Anything else is a call,
    awaited as it is (a plain value fails there, as it did)."""
    made: list[Any] = []
    try:
        for call in calls:
            if inspect.isasyncgen(call):
                async for each in call:
                    made.append(each)
            elif inspect.isgenerator(call) or isinstance(call, map):
                for each in call:
                    made.append(each)
            else:
                made.append(call)
    except Exception as error:
        return made, error
    return made, None


async def gather_in_order(
    *calls: Calls,
    limit: int | None = None,
    return_exceptions: bool = False,
    raise_for_status: bool = False,
) -> list[Any]:
    """Await ``calls`` concurrently (``limit`` at a time); results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it as soon as it
    fails. A tuple of calls (an item's calls) gives the tuple of their results;
    a generator gives its calls, one result each. With ``return_exceptions``,
    every call runs and a failure takes its result's place. With
    ``raise_for_status``, a response with a 4xx or 5xx status fails its call,
    as the code checking it right after the call stopped there.
    """
    made, unmade = await _calls_made(calls)
    semaphore = asyncio.Semaphore(limit) if limit else None
    flat = [c for item in made for c in (item if isinstance(item, tuple) else (item,))]
    tasks: list[asyncio.Future[Any]] = []

    async def run(index: int, call: Awaitable[Any]) -> Any:
        if semaphore is not None:
            await semaphore.acquire()
        try:
            result = await call
            if raise_for_status and result.is_error:
                result.raise_for_status()
            return result
        except Exception:
            stop_after(index)  # before its slot frees: no later call starts
            raise
        finally:
            if semaphore is not None:
                semaphore.release()

    def stop_after(index: int) -> None:
        if not return_exceptions:
            for later in tasks[index + 1 :]:
                # A call after a failure: its result is never used.
                later.cancel()

    tasks += [asyncio.ensure_future(run(i, call)) for i, call in enumerate(flat)]
    try:
        if return_exceptions:
            results = list(await asyncio.gather(*tasks, return_exceptions=True))
        else:
            results = [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in flat:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()
    done = iter(results)
    grouped: list[Any] = []
    for item in made:
        if isinstance(item, tuple):
            grouped.append(tuple(next(done) for _ in item))
        else:
            grouped.append(next(done))
    if unmade is not None:
        raise unmade
    return grouped


class Outcome:
    """What a call gave: ``result()`` returns it, or raises its failure."""

    __slots__ = ("_error", "_value")

    def __init__(self, value: Any = None, error: Exception | None = None) -> None:
        self._value = value
        self._error = error

    def result(self) -> Any:
        if self._error is not None:
            raise self._error
        return self._value

    def exception(self) -> Exception | None:
        return self._error


async def gather_outcomes(
    *calls: Calls,
    limit: int | None = None,
    caught: type[Exception] | tuple[type[Exception], ...] = (),
    raise_for_status: bool = False,
) -> list[Any]:
    """Await ``calls`` concurrently (``limit`` at a time); outcomes in order.

    For code that takes each result where it used to make the call, with
    ``outcome.result()``: a failure is raised there, after what the sequential
    code did before it. The first failure that is not ``caught`` (by the code
    taking the results) stops the gather: the calls after it are cancelled and
    their outcomes are None, as the sequential code never made them. The calls
    of a tuple (one item's) run one after another, up to the first failure.
    A generator gives its calls, one outcome each.
    """
    made, unmade = await _calls_made(calls)
    semaphore = asyncio.Semaphore(limit) if limit else None
    flat = [c for item in made for c in (item if isinstance(item, tuple) else (item,))]

    tasks: list[asyncio.Future[Any]] = []

    async def run(index: int, call: Awaitable[Any]) -> Outcome:
        if semaphore is not None:
            await semaphore.acquire()
        try:
            result = await call
            if raise_for_status and result.is_error:
                result.raise_for_status()  # a 4xx/5xx fails its call
            return Outcome(result)
        except Exception as error:
            # Before its slot frees: no later call starts.
            stop_after(index, error)
            return Outcome(error=error)
        finally:
            if semaphore is not None:
                semaphore.release()

    def stop_after(index: int, error: Exception) -> None:
        if not isinstance(error, caught):
            for later in tasks[index + 1 :]:
                later.cancel()  # the sequential code never made them

    async def in_turn(index: int, item: tuple[Any, ...]) -> tuple[Outcome | None, ...]:
        outcomes: list[Outcome | None] = [None] * len(item)
        for position, call in enumerate(item):
            outcomes[position] = outcome = await run(index, call)
            if outcome.exception() is not None:
                break
        return tuple(outcomes)

    def failure(item: Outcome | tuple[Outcome | None, ...]) -> Exception | None:
        if isinstance(item, tuple):  # its calls stopped at the first failure
            item = [o for o in item if o is not None][-1]
        return item.exception()

    tasks += [
        asyncio.ensure_future(in_turn(i, c) if isinstance(c, tuple) else run(i, c))
        for i, c in enumerate(made)
    ]
    outcomes: list[Any] = [None] * len(made)
    try:
        for index, task in enumerate(tasks):
            outcomes[index] = await task
            error = failure(outcomes[index])
            if error is not None and not isinstance(error, caught):
                break
        else:
            if unmade is not None:
                raise unmade
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in flat:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()
    return outcomes


def requests_values(items: Any) -> Any:
    """Query parameters or form fields as requests sends them: without those
    whose value is None (or the None items of a list), which httpx would send
    empty (``page=``), with bools as ``True``/``False``, which httpx sends as
    ``true``/``false``, and bytes as the text they encode, which httpx would
    send as ``b'...'`` (bytes names too, which a multipart form refuses). A
    dict, or a list of pairs; anything else (a string, bytes, a file) is
    returned as it is."""
    if isinstance(items, Mapping):
        kept: dict[Any, Any] = {}
        for key, value in items.items():
            if isinstance(value, (list, tuple)):
                value = [_as_sent(item) for item in value if item is not None]
            if value is not None:
                kept[_field_name(key)] = _as_sent(value)
        return kept
    if not isinstance(items, (list, tuple)):
        return items
    pairs: list[tuple[Any, Any]] = []
    for key, value in items:
        values = value if isinstance(value, (list, tuple)) else [value]
        name = _field_name(key)
        pairs += [(name, _as_sent(item)) for item in values if item is not None]
    return pairs


def _field_name(key: Any) -> Any:
    return key.decode() if isinstance(key, bytes) else key


def _as_sent(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode()
    return str(value) if isinstance(value, bool) else value
