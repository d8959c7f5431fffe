from contextlib import closing

import click

from .api import Api

BASE = "https://api.example.com"


@click.command()
@click.argument("ids", nargs=-1, type=int)
def names(ids):
    with closing(Api(BASE)) as api:
        found = [api.user(i)["name"] for i in ids]
    click.echo(", ".join(found))
    return found


@click.command()
@click.argument("user_id", type=int)
def show(user_id):
    with Api(BASE) as api:
        user = api.user(user_id)
    click.echo(user["name"])
    return user


def total_ids(ids):
    api = Api(BASE)
    try:
        return sum(api.user(i)["id"] for i in ids)
    finally:
        api.close()
