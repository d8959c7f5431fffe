import requests

BASE = "https://api.example.com"
DEFAULTS = {"verbose": True, "lang": "en"}

session = requests.Session()
tracked = requests.Session()
tracked.params = {"debug": False, "trace": None}


def search(query, exact: bool = False):
    return requests.get(
        f"{BASE}/search", params={"q": query, "exact": exact, "debug": False}, timeout=5
    ).json()


def listing(page, archived=False):
    params = {"page": page, "archived": archived}
    return requests.get(f"{BASE}/items", params=params, timeout=5).json()


def recent(items, since=None):
    pairs = [("fresh", since is None), ("n", len(items))]
    return session.get(f"{BASE}/items", params=pairs, timeout=5).json()


def filtered(filters):
    return session.get(f"{BASE}/items", params=filters, timeout=5).json()


def defaults():
    return requests.get(f"{BASE}/search", params=DEFAULTS, timeout=5).json()


def subscribe(email, opt_in):
    form = {"email": email, "opt_in": opt_in, "weekly": True}
    return requests.post(f"{BASE}/subscribe", data=form, timeout=5).json()


def with_options(query):
    options = {"params": {"q": query, "strict": True}, "timeout": 5}
    return requests.get(f"{BASE}/search", **options).json()


def fetch(path, **kwargs):
    return requests.get(f"{BASE}{path}", **kwargs).json()


def counted(query, limit: int = 10, ratio=0.5):
    return requests.get(
        f"{BASE}/search", params={"q": query, "limit": limit, "ratio": ratio}, timeout=5
    ).json()


def tracked_items(page):
    return tracked.get(f"{BASE}/items", params={"page": page}, timeout=5).json()
