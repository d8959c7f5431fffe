import httpx
import requests


class ShopClient:
    """A client holding a session, closed by close() or by leaving a with block."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def product(self, pid):
        response = self.session.get(f"{self.base}/products/{pid}", timeout=5)
        response.raise_for_status()
        return response.json()

    def close(self):
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class AuditedShop(ShopClient):
    def __init__(self, base, log):
        super().__init__(base)
        self.log = log

    def __exit__(self, *exc):
        self.log.append("closed")
        return super().__exit__(*exc)


class StockClient:
    """A sync httpx client, closed in __exit__ itself."""

    def __init__(self, base):
        self.http = httpx.Client(base_url=base)

    def level(self, pid):
        return self.http.get(f"/stock/{pid}").json()["level"]

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.http.close()
