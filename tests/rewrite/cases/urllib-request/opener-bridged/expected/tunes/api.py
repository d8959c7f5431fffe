import asyncio
import json

from asgiref.sync import sync_to_async

from tunes import compat
from tunes._async_helpers import gather_in_order

BASE = "http://tunes.example.com"


async def _safe_read(opener, req, retries=3, delay=0.01):
    """Open the request, retrying a server error after a pause."""
    for attempt in range(retries):
        try:
            return await sync_to_async(
                (await sync_to_async(opener.open, thread_sensitive=False)(req)).read,
                thread_sensitive=False,
            )()
        except compat.HTTPError as error:
            if error.code < 500 or attempt == retries - 1:
                raise
            await asyncio.sleep(delay * (attempt + 1))
    raise RuntimeError("not reached")


async def artist(artist_id):
    opener = compat.build_opener()
    req = compat.Request(f"{BASE}/artist/{artist_id}", headers={"Accept": "application/json"})
    return json.loads(await _safe_read(opener, req))["name"]


async def _read_all(opener, url, pause=0.01):
    """Read a whole listing, after a pause for the rate limit."""
    await asyncio.sleep(pause)
    response = await sync_to_async(opener.open, thread_sensitive=False)(
        compat.Request(url)
    )
    body = await sync_to_async(response.read, thread_sensitive=False)()
    return json.loads(body)


async def albums(artist_id):
    opener = compat.build_opener()
    request = compat.Request(f"{BASE}/artist/{artist_id}/albums")
    listing, safe_read = await gather_in_order(
        _read_all(opener, f"{BASE}/artist/{artist_id}/albums"),
        _safe_read(opener, request),
    )
    again = json.loads(safe_read)
    return [album["title"] for album in listing] == [album["title"] for album in again]
