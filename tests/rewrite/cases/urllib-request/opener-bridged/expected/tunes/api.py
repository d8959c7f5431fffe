import asyncio
import json

from asgiref.sync import sync_to_async

from tunes import compat

BASE = "http://tunes.example.com"


async def _safe_read(opener, req, retries=3, delay=0.01):
    """Open the request, retrying a server error after a pause."""
    for attempt in range(retries):
        try:
            return (await sync_to_async(opener.open, thread_sensitive=False)(req)).read()
        except compat.HTTPError as error:
            if error.code < 500 or attempt == retries - 1:
                raise
            await asyncio.sleep(delay * (attempt + 1))
    raise RuntimeError("not reached")


async def artist(artist_id):
    opener = compat.build_opener()
    req = compat.Request(f"{BASE}/artist/{artist_id}", headers={"Accept": "application/json"})
    return json.loads(await _safe_read(opener, req))["name"]
