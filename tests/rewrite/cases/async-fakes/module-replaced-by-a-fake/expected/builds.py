import asyncio

import requests
from asgiref.sync import sync_to_async

API = "https://ci.example.com/api"


def build_status(build_id):
    response = requests.get(f"{API}/builds/{build_id}", timeout=5)
    response.raise_for_status()
    return response.json()["state"]


build_status_async = sync_to_async(build_status, thread_sensitive=False)


async def wait_for_build(build_id, interval=0.01, max_polls=5):
    for _ in range(max_polls):
        state = await build_status_async(build_id)
        if state in ("passed", "failed"):
            return state
        await asyncio.sleep(interval)
    raise TimeoutError(build_id)
