import requests

from .request import Handler


class BaseApi:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def delete(self, path):
        return self.session.delete(self.base + path).status_code


class TicketApi(BaseApi):
    kind = "tickets"

    def close(self, item):
        return Handler(self).remove(item) == 204


class UserApi(BaseApi):
    kind = "users"

    def ban(self, item):
        return Handler(self).remove(item)


class Zen:
    def __init__(self, base):
        self.tickets = TicketApi(base)
        self.users = UserApi(base)
