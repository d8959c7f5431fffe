import httpx
import requests
from asgiref.sync import async_to_sync

from ._async_helpers import TLS_CONTEXT, aenumerate


async def pages(url):
    while url:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            data = (await http_client.get(url, timeout=5)).json()
        yield data["items"]
        url = data.get("next")


async def numbered(url):
    async for number, page in aenumerate(pages(url)):
        yield number, len(page)


async def stats(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url + "/stats", timeout=5)).json()


def sized(url):
    return _sized(url, async_to_sync(stats)(url)["count"])


def _sized(url, count):
    for item in requests.get(url, timeout=5).json()["items"]:
        yield item, count


def counted(url):
    # It returns how many pages it read: an async generator cannot return a value.
    pages = 0
    while url:
        data = requests.get(url, timeout=5).json()
        pages += 1
        yield from data["items"]
        url = data.get("next")
    return pages
