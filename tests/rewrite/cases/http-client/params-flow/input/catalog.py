import requests

BASE = "https://api.example.com"
DEFAULTS = {"format": "json"}


def search(params):
    return requests.get(f"{BASE}/search", params=params, timeout=5).json()


def build_query(term, page=None):
    return {"q": term, "page": page}


def search_term(term, page=None):
    query = build_query(term, page)
    return requests.get(f"{BASE}/search", params=query, timeout=5).json()


def search_pairs(term, tag=None):
    pairs = [("q", term), ("tag", tag)]
    return requests.get(f"{BASE}/search", params=pairs, timeout=5).json()


def listing(page):
    query = {"format": "json"}
    query["page"] = page
    return requests.get(f"{BASE}/items", params=query, timeout=5).json()


def defaults():
    return requests.get(f"{BASE}/items", params=DEFAULTS, timeout=5).json()


def with_options(term, lang=None):
    options = {"params": {"q": term, "lang": lang}, "timeout": 5}
    return requests.get(f"{BASE}/search", **options).json()


def search_bytes(term):
    return requests.get(f"{BASE}/search", params={"q": b"lamp", "term": term}, timeout=5).json()


def search_encoded(term):
    token = term.encode()
    return requests.get(f"{BASE}/search", params={"q": token}, timeout=5).json()


def order_encoded(item):
    form = {"item": item.encode(), "note": b"boxed"}
    return requests.post(f"{BASE}/orders", data=form, timeout=5).status_code


def order_literal(item):
    url = f"{BASE}/orders"
    return requests.post(url, data={"item": item.encode("utf-8"), "n": 1}, timeout=5).status_code


class Catalog:
    def __init__(self, token=None, region=None):
        self.session = requests.Session()
        self.base_params = {"token": token, "region": region}

    def items(self, **filters):
        merged = dict(self.base_params, **filters)
        return self.session.get(f"{BASE}/items", params=merged, timeout=5).json()

    def first(self):
        return self.session.get(f"{BASE}/items", params=self.base_params, timeout=5).json()

    def order(self, item, note=None):
        form = {"item": item, "note": note}
        return self.submit(form)

    def submit(self, form):
        return self.session.post(f"{BASE}/orders", data=form, timeout=5).status_code
