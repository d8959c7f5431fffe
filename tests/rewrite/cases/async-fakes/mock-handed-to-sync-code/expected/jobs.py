import asyncio
import threading

import httpx

from _async_helpers import TLS_CONTEXT

API = "https://ci.example.com"


class Build:
    def __init__(self, number):
        self.number = number

    async def wait(self, poll=0.01):
        while True:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                state = (
                    await http_client.get(f"{API}/builds/{self.number}", timeout=5)
                ).json()
            if state["done"]:
                return state["result"]
            await asyncio.sleep(poll)


def watch(interval, check, stop_event: threading.Event):
    while not stop_event.wait(timeout=interval):
        check()


def start_watching(interval, check):
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(interval, check, stop), daemon=True)
    thread.start()
    return stop
