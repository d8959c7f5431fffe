import io

import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT, httpx_kwargs, requests_files

open_async = sync_to_async(open, thread_sensitive=False)

BASE = "http://api.example.com"


async def upload_report(path):
    with await open_async(path) as report:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            r = await http_client.post(
                BASE + "/upload", files=requests_files({"report": report})
            )
    if r.is_error:
        r.raise_for_status()
    return r.json()


async def upload_notes(text):
    notes = io.StringIO(text)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.post(
            BASE + "/upload", files=requests_files({"notes": ("notes.txt", notes)})
        )
    return r.json()


async def upload_blob(data, extra=None):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.post(
            BASE + "/upload", files=requests_files({"blob": data, "extra": extra})
        )
    return r.json()


async def upload_binary(path):
    with await open_async(path, "rb") as image:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            r = await http_client.post(
                BASE + "/upload", files=[("image", ("image.png", image.read()))]
            )
    return r.json()


async def upload_with(path, **options):
    with await open_async(path) as report:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            r = await http_client.post(
                BASE + "/upload",
                files=requests_files({"report": report}),
                **httpx_kwargs(options),
            )
    return r.json()
