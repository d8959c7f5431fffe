import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://data.example.com"


class NotFound(Exception):
    pass


class ActionShortcut:
    def __init__(self, client):
        self._client = client

    def __getattr__(self, name):
        async def action(**kwargs):
            return await self._client.call_action(name, kwargs)

        return action


class Client:
    def __init__(self, url=BASE):
        self.url = url
        self.action = ActionShortcut(self)

    def shortcut(self, name):
        async def action(**kwargs):
            return await self.call_action(name, kwargs)

        return action

    async def call_action(self, name, data):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            r = await http_client.post(
                self.url + "/api/action/" + name, json=data, timeout=5
            )
        if r.status_code == 404:
            raise NotFound(name)
        return r.json()["result"]


async def organisations():
    return await Client().action.org_list(all_fields=True)


async def organisations_through_a_local():
    org_list = Client().shortcut("org_list")
    return await org_list(all_fields=True)


async def organisations_at_once():
    return await Client().shortcut("org_list")(all_fields=False)
