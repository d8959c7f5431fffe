"""Still sync: reaches the async code through bridges an earlier step added."""

import click
from asgiref.sync import async_to_sync, sync_to_async

from ._async_helpers import gather_in_order
from .clients import fetch


async def items(url):
    return (await fetch(url))["items"]


async def both(a, b):
    first, second = await gather_in_order(
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
