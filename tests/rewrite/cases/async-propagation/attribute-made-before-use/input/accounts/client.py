import requests
from requests.auth import HTTPBasicAuth


class TokenAuth(requests.auth.AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request

    def endpoint(self, metadata_url):
        response = requests.get(metadata_url, auth=self)
        response.raise_for_status()
        return response.json()["endpoint"]


class Client:
    def __init__(self, base, user=None, key=None, token=None, metadata_url=None):
        if token:
            # self.auth holds a requests HTTPBasicAuth on the other branch; here it
            # was just made a TokenAuth.
            self.auth = TokenAuth(token)
            self.base = self.auth.endpoint(metadata_url)
        else:
            self.auth = HTTPBasicAuth(user, key)
            self.base = base

    def balance(self):
        response = requests.get(f"{self.base}/balance", auth=self.auth)
        response.raise_for_status()
        return response.json()["balance"]


def both_balances(base, metadata_url):
    by_key = Client(base, user="ann", key="k1")
    by_token = Client(base, token="t1", metadata_url=metadata_url)
    return by_key.balance(), by_token.balance()
