"""Still sync: reaches the async code through bridges an earlier step added."""

import click
from asgiref.sync import async_to_sync, sync_to_async

from .clients import fetch


def items(url):
    return async_to_sync(fetch)(url)["items"]


def both(a, b):
    first = async_to_sync(fetch)(a)
    second = async_to_sync(fetch)(b)
    return first, second


@click.command()
def show(url):
    # A click command stays sync: its bridge stays.
    click.echo(async_to_sync(fetch)(url))


def ranked(urls):
    # A lambda cannot await: its bridge stays too.
    return sorted(urls, key=lambda u: async_to_sync(fetch)(u)["rank"])
