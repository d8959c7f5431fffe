import httpx

from _async_helpers import TLS_CONTEXT, TaskPool


async def fetch(base, name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(f"{base}/pages/{name}", timeout=10)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


async def fetch_pages(base, names):
    """Every page, by name: the module's own names, ``concurrent.futures.<name>``."""
    pages = {}
    async with TaskPool(limit=3) as pool:
        futures = {pool.submit(fetch(base, name)): name for name in names}
        async for future in pool.as_completed(futures):
            pages[futures[future]] = future.result()
    return pages
