import httpx
from asgiref.sync import async_to_sync, sync_to_async

from _async_helpers import TLS_CONTEXT


async def score(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()["score"]


def ranked(urls):
    top = async_to_sync(score)(urls[0])
    key = lambda url: async_to_sync(score)(url)
    return [top] + sorted(urls[1:], key=key)


ranked_async = sync_to_async(ranked, thread_sensitive=False)


async def report(urls):
    return {"first": await score(urls[0]), "ranked": await ranked_async(urls)}
