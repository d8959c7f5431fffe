import errorhooks
import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT

BASE = "http://events.example.com"


class Tracker:
    def __init__(self):
        errorhooks.on_error = async_to_sync(self.report)

    async def capture(self, event):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.post(
                f"{BASE}/events", json={"event": event}, timeout=5
            )
        return response.status_code

    async def report(self, error):
        return await self.capture(f"error: {error}")


default = Tracker()


async def _proxy(method, *args):
    call = getattr(default, method)
    return await call(*args)


async def capture(event):
    status = await _proxy("capture", event)
    return status < 300
