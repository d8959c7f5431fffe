"""A client class holding a session, a factory and a shared default instance."""

import os

import requests


class SocialApi:
    def __init__(self, base_url, timeout=5):
        self.base_url = base_url
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["X-Api-Key"] = os.environ.get("API_KEY", "")

    def user(self, uid):
        resp = self.session.get(f"{self.base_url}/v1/users/{uid}", timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def following(self, uid):
        resp = self.session.get(f"{self.base_url}/v1/users/{uid}/following", timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()["ids"]

    def names_followed(self, uid):
        return [self.user(other)["name"] for other in self.following(uid)]


def connect(base_url=None) -> SocialApi:
    return SocialApi(base_url or os.environ["SOCIAL_URL"])


default_api = SocialApi(os.environ.get("SOCIAL_URL", "http://127.0.0.1:9"))
