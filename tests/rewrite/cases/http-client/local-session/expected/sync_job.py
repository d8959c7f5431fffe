import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


async def sync_all(urls):
    results = []
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        session.headers["Accept"] = "application/json"
        responses = await gather_in_order(
            (session.get(url, timeout=5) for url in urls), limit=10
        )
        for response in responses:
            results.append(response.json())
    return results


async def ping(base_url):
    async with httpx.AsyncClient(
        base_url=base_url, timeout=3, verify=TLS_CONTEXT
    ) as client:
        return (await client.get("/ping")).status_code


async def leaky(url):
    # TODO(migrate MIG001): close this client with `await session.aclose()`
    #   (or use `async with`)
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    return (await session.get(url)).text
