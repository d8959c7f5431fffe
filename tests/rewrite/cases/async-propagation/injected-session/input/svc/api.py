"""Client classes that use the session their caller hands in, or make one."""

from typing import Optional

import requests


class SocialApi:
    def __init__(self, base_url, session=None):
        self.base_url = base_url
        self.session = session or requests.Session()

    def user(self, uid):
        resp = self.session.get(f"{self.base_url}/users/{uid}")
        resp.raise_for_status()
        return resp.json()


class Catalog:
    def __init__(self, base_url, session: Optional[requests.Session] = None):
        self.base_url = base_url
        self.session = session if session is not None else requests.Session()
        self.session.headers["Accept"] = "application/json"

    def item(self, sku):
        return self.session.get(f"{self.base_url}/items/{sku}").json()


class Feed:
    def __init__(self, base_url, **options):
        self.base_url = base_url
        self.http = options.get("session") or requests.Session()

    def entries(self):
        return self.http.get(f"{self.base_url}/entries").json()


class TokenApi(SocialApi):
    """Hands its session on to SocialApi through **kwargs."""

    def __init__(self, base_url, token, **kwargs):
        super().__init__(base_url, **kwargs)
        self.session.headers["Authorization"] = f"Bearer {token}"
