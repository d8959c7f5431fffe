from contextlib import closing

import click
from asgiref.sync import async_to_sync

from ._async_helpers import gather_in_order
from .api import Api

BASE = "https://api.example.com"


@click.command()
@click.argument("ids", nargs=-1, type=int)
def names(ids):
    with closing(Api(BASE)) as api:
        found = [async_to_sync(api.user)(i)["name"] for i in ids]
    click.echo(", ".join(found))
    return found


@click.command()
@click.argument("user_id", type=int)
def show(user_id):
    with Api(BASE) as api:
        user = async_to_sync(api.user)(user_id)
    click.echo(user["name"])
    return user


async def total_ids(ids):
    api = Api(BASE)
    try:
        users = await gather_in_order((api.user(i) for i in ids), limit=10)
        return sum(user["id"] for user in users)
    finally:
        api.close()
