import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT


async def save(url, path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        body = (await http_client.get(url, timeout=5)).text

    def write_file():
        with open(path, "w") as f:
            f.write(body)

    await sync_to_async(write_file, thread_sensitive=False)()
    return len(body)
