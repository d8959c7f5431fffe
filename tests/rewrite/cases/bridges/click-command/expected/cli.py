import click
import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT


async def fetch_rates(base):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                "https://rates.example.com", params={"base": base}, timeout=5
            )
        ).json()


@click.command()
@click.option("--base", default="EUR")
def show_rates(base):
    rates = async_to_sync(fetch_rates)(base)
    click.echo(rates)


@click.group()
def rates():
    """Rates, one subcommand each."""


@rates.command()
def euro():
    click.echo(async_to_sync(fetch_rates)("EUR"))


@rates.command("dollar")
def us_dollar():
    click.echo(async_to_sync(fetch_rates)("USD"))
