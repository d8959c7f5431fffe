import click
import httpx
from asgiref.sync import async_to_sync

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def fetch_rates(base):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        return (await http_client.get("https://rates.example.com", params={"base": base}, timeout=5)).json()


@click.command()
@click.option("--base", default="EUR")
def show_rates(base):
    rates = async_to_sync(fetch_rates)(base)
    click.echo(rates)
