import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


class Orders:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        retry = Retry(
            total=3,
            status_forcelist=(500, 502, 503, 504),
            allowed_methods=frozenset(["GET", "PUT"]),
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def get(self, order_id):
        try:
            r = self.session.get(f"{self.base}/orders/{order_id}", timeout=10)
        except requests.exceptions.RetryError:
            return None
        r.raise_for_status()
        return r.json()

    def place(self, order):
        r = self.session.post(f"{self.base}/orders", json=order, timeout=10)
        if r.status_code >= 500:
            return {"queued": False, "status": r.status_code}
        return r.json()


def lenient_session():
    session = requests.Session()
    retries = Retry(total=1, status_forcelist=[502], raise_on_status=False)
    session.mount("http://", HTTPAdapter(max_retries=retries))
    return session


def stock(base, sku):
    with lenient_session() as session:
        return session.get(f"{base}/stock/{sku}").status_code
