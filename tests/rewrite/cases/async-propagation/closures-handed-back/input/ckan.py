import requests

BASE = "https://data.example.com"


class NotFound(Exception):
    pass


class ActionShortcut:
    def __init__(self, client):
        self._client = client

    def __getattr__(self, name):
        def action(**kwargs):
            return self._client.call_action(name, kwargs)

        return action


class Client:
    def __init__(self, url=BASE):
        self.url = url
        self.action = ActionShortcut(self)

    def shortcut(self, name):
        def action(**kwargs):
            return self.call_action(name, kwargs)

        return action

    def call_action(self, name, data):
        r = requests.post(self.url + "/api/action/" + name, json=data, timeout=5)
        if r.status_code == 404:
            raise NotFound(name)
        return r.json()["result"]


def organisations():
    return Client().action.org_list(all_fields=True)


def organisations_through_a_local():
    org_list = Client().shortcut("org_list")
    return org_list(all_fields=True)


def organisations_at_once():
    return Client().shortcut("org_list")(all_fields=False)
