"""The shop's command line: click commands stay sync."""
# checks: OFFLOAD SPOT REVIEW

import click

from .views import show


@click.command()
@click.argument("sku")
def show_command(sku):  # BOUNDARY: click-command
    click.echo(show(sku))  # BRIDGE: async_to_sync
