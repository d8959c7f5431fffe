import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

retry = Retry(total=3, connect=2, backoff_factor=0.1, status_forcelist=[502, 503])
session = requests.Session()
session.headers["Accept"] = "application/json"
session.mount("http://", HTTPAdapter(max_retries=retry, pool_maxsize=20))
session.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=20))
session.params = {"lang": "en"}


def status():
    return session.get("https://api.example.com/status", timeout=5).json()


class Catalog:
    def __init__(self, base, token):
        self.base = base
        self.session = requests.Session()
        self.session.headers["X-Token"] = token
        self.page_size = 50
        adapter = HTTPAdapter(max_retries=2, pool_connections=4, pool_maxsize=8, pool_block=True)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.session.auth = ("reader", token)
        self.session.verify = False

    def item(self, sku):
        url = f"{self.base}/items/{sku}"
        return self.session.get(url, params={"size": self.page_size}).json()


def item(sku):
    return Catalog("https://shop.example.com", "t0k").item(sku)


class Inventory:
    def __init__(self, base, retries=3):
        self.base = base
        self.retries = retries
        self._build_session()

    def _build_session(self):
        self.session = requests.Session()
        retry = Retry(total=self.retries, connect=None, backoff_factor=0.3)
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def count(self, sku):
        return self.session.get(f"{self.base}/stock/{sku}", timeout=5).json()["stock"]


def count(sku):
    return Inventory("https://shop.example.com").count(sku)


class Quotes:
    def __init__(self, base, retries=2):
        self.base = base
        self.session = requests.Session()
        retries = Retry(total=retries, backoff_factor=0.1)
        self.session.mount("https://", HTTPAdapter(max_retries=retries))
        self.session.mount("http://", HTTPAdapter(max_retries=retries))

    def quote(self, sku):
        return self.session.get(f"{self.base}/prices/{sku}", timeout=5).json()


def quote(sku):
    return Quotes("https://shop.example.com").quote(sku)


def prices(skus, token):
    with requests.Session() as session:
        session.mount("https://", HTTPAdapter(max_retries=Retry(total=2, read=2)))
        session.auth = ("reader", token)
        session.proxies.update({"ftp": "http://proxy.internal:3128"})
        session.hooks["response"].append(print)
        return [session.get(f"https://shop.example.com/prices/{sku}").json() for sku in skus]


def stock(sku):
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    url = f"https://shop.example.com/stock/{sku}"
    session.max_redirects = 3
    session.mount("http://", HTTPAdapter(pool_maxsize=4))
    try:
        return session.get(url).json()
    finally:
        session.close()
