import requests


class Catalog:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def items(self, sort, tenant):
        response = self.session.get(
            f"{self.base}/items",
            params={"sort": sort, "limit": 10},
            headers={"X-Tenant": tenant},
            timeout=5,
        )
        response.raise_for_status()
        return response.json()


def unsorted(base):
    return Catalog(base).items(None, "acme")


def listing(base, order=None, tenant=None):
    return Catalog(base).items(order, tenant)
