import requests


class PartnerSession(requests.Session):
    """The partner's API: a Session that signs every request, ignoring proxy settings."""

    def __init__(self, token):
        super().__init__()
        self.trust_env = False
        self.headers["Authorization"] = f"Bearer {token}"

    def orders(self):
        resp = self.get("https://partner.example.test/v1/orders", timeout=5)
        resp.raise_for_status()
        return resp.json()
