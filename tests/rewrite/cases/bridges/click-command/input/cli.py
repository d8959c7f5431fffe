import click
import requests


def fetch_rates(base):
    return requests.get("https://rates.example.com", params={"base": base}, timeout=5).json()


@click.command()
@click.option("--base", default="EUR")
def show_rates(base):
    rates = fetch_rates(base)
    click.echo(rates)


@click.group()
def rates():
    """Rates, one subcommand each."""


@rates.command()
def euro():
    click.echo(fetch_rates("EUR"))


@rates.command("dollar")
def us_dollar():
    click.echo(fetch_rates("USD"))
