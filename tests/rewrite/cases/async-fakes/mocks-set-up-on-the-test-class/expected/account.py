import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://push.example.com"


class Device:
    def __init__(self, account, iden):
        self._account = account
        self.iden = iden

    async def push_note(self, title):
        return await self._account.push({"title": title, "device": self.iden})


class Account:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.journal = Journal()

    async def push(self, data):
        self.journal.push(data["title"])
        return (await self.session.post(BASE + "/pushes", json=data, timeout=5)).json()

    def device(self, iden):
        return Device(self, iden)


class Journal:
    def __init__(self):
        self.lines = []

    def push(self, line):
        self.lines.append(line)
