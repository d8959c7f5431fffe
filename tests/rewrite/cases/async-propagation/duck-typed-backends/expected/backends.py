import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://status.example.com"


class Remote:
    def __init__(self, url):
        self.url = url

    async def call(self, name):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.url + "/" + name, timeout=5)).json()


class Local:
    async def call(self, name):
        return {"local": name}


async def run(backend, name):
    return await backend.call(name)


async def status(remote=True):
    backend = Remote(BASE) if remote else Local()
    return await run(backend, "status")


async def version(remote=True):
    backend = Remote(BASE) if remote else Local()
    return await backend.call("version")
