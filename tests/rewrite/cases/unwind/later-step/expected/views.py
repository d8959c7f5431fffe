"""Still sync: reaches the async code through bridges an earlier step added."""

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

import click
from asgiref.sync import async_to_sync, sync_to_async

from .clients import fetch


async def _gather_in_order(*calls: Awaitable[Any], limit: int | None = None) -> list[Any]:
    """Await ``calls`` concurrently, at most ``limit`` at a time; results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it. Written by
    migrate; needs only the standard library.
    """
    semaphore = asyncio.Semaphore(limit) if limit else None

    async def run(call: Awaitable[Any]) -> Any:
        if semaphore is None:
            return await call
        async with semaphore:
            return await call

    tasks = [asyncio.ensure_future(run(call)) for call in calls]
    try:
        return [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in calls:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()


async def items(url):
    return (await fetch(url))["items"]


async def both(a, b):
    first, second = await _gather_in_order(
        fetch(a),
        fetch(b),
    )
    return first, second


@click.command()
def show(url):
    # A click command stays sync: its bridge stays.
    click.echo(async_to_sync(fetch)(url))


def ranked(urls):
    # A lambda cannot await: its bridge stays too.
    return sorted(urls, key=lambda u: async_to_sync(fetch)(u)["rank"])
