import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, httpx_kwargs


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


async def fetch(url, **kwargs):
    return await session.get(url, **httpx_kwargs(kwargs))


async def status(url, follow=True):
    options = {"timeout": (2, 5), "follow_redirects": follow}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, **options)).status_code


async def landing(url):
    return (await fetch(url, allow_redirects=False)).status_code


async def item(url):
    return (await fetch(url, timeout=(2, 5))).json()


async def upload(url, text, **kwargs):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(url, content=text.encode(), **httpx_kwargs(kwargs))
        ).status_code


async def upload_raw(url, text):
    return await upload(url, "ignored", data=text)


async def item_with(url, **kwargs):
    return (await fetch(url, **kwargs)).json()
