import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://status.example.com"


class Shortcut:
    def __init__(self, backend):
        self._backend = backend

    async def ask(self, name):
        return await self._backend.fetch(name)


class Remote:
    def __init__(self, url):
        self.url = url
        self.shortcut = Shortcut(self)

    async def call(self, name):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.url + "/" + name, timeout=5)).json()

    async def fetch(self, name):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (
                await http_client.get(
                    self.url + "/" + name, params={"full": 1}, timeout=5
                )
            ).json()


class Local:
    def __init__(self):
        self.shortcut = Shortcut(self)

    async def call(self, name):
        return {"local": name}

    async def fetch(self, name):
        return {"local": name, "full": True}


async def run(backend, name):
    return await backend.call(name)


async def status(remote=True):
    backend = Remote(BASE) if remote else Local()
    return await run(backend, "status")


async def version(remote=True):
    backend = Remote(BASE) if remote else Local()
    return await backend.call("version")


async def asked(remote=True):
    if remote:
        return await Remote(BASE).shortcut.ask("status")
    return await Local().shortcut.ask("status")
