import json
import os

import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT


async def save_note(base, path):
    """Fetch a note and keep it in a file; how much is on disk, and what it reads back."""
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        note = (await http_client.get(f"{base}/note", timeout=5)).json()
    await sync_to_async(
        lambda: open(path, "w").write(json.dumps(note)), thread_sensitive=False
    )()
    written = os.path.getsize(path)
    await sync_to_async(
        lambda: open(path + ".log", "a").write(note["title"] + "\n"),
        thread_sensitive=False,
    )()
    return written, json.loads(
        await sync_to_async(lambda: open(path).read(), thread_sensitive=False)()
    ), await sync_to_async(lambda: open(path + ".log").read(), thread_sensitive=False)()
