"""A client whose constructor fetches site info and logs in."""

import requests

API = "https://wiki.example.com/api"


class LoginError(Exception):
    pass


class Site:
    def __init__(self, host=API, user=None):
        self.host = host
        self.session = requests.Session()
        self.info = self.call("siteinfo")
        self.user = None
        if user:
            self.login(user)

    def call(self, action, **params):
        resp = self.session.get(f"{self.host}/{action}", params=params, timeout=5)
        resp.raise_for_status()
        return resp.json()

    def login(self, user):
        answer = self.call("login", user=user)
        if answer["result"] != "Success":
            raise LoginError(answer["result"])
        self.user = user


class Wiki(Site):
    def __init__(self, host=API, user="bot"):
        super().__init__(host, user=user)
        self.name = self.info["name"]

    def page(self, title):
        return self.call("page", title=title)["text"]
