import requests

BASE = "https://api.example.com"


class Partner:
    """A partner API over the session its caller hands in, or one of its own."""

    def __init__(self, session=None):
        if session is None:
            session = requests.Session()
        self._session = session

    def orders(self):
        return self._session.get(f"{BASE}/orders", timeout=5).json()


class Shop:
    def __init__(self):
        self.session = requests.Session()
        self.partner = Partner()

    def summary(self):
        stock = self.session.get(f"{BASE}/stock", timeout=5).json()
        return {"stock": stock, "orders": self.partner.orders()}
