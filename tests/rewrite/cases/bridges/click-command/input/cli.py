import click
import requests


def fetch_rates(base):
    return requests.get("https://rates.example.com", params={"base": base}, timeout=5).json()


@click.command()
@click.option("--base", default="EUR")
def show_rates(base):
    rates = fetch_rates(base)
    click.echo(rates)
