import requests

BASE = "https://api.example.com"

session = requests.Session()
session.auth = ("svc", "s3cret")


def search(query, page=None, sort=None):
    params = {"q": query, "page": page, "sort": sort or None, "lang": None}
    return requests.get(f"{BASE}/search", params=params, timeout=5).json()


def search_inline(query, page=None):
    return requests.get(f"{BASE}/search", params={"q": query, "page": page}, timeout=5).json()


def tagged(tags, filters):
    return requests.get(
        f"{BASE}/search", params={"tag": tags, "kind": filters.get("kind")}, timeout=5
    ).json()


def explicit_defaults(query):
    response = requests.get(
        f"{BASE}/search",
        params={"q": query},
        headers=None,
        cookies=None,
        verify=None,
        cert=None,
        proxies=None,
        stream=None,
        hooks=None,
        timeout=None,
    )
    return response.json()


def whoami():
    return session.get(f"{BASE}/me", auth=None, headers=None, timeout=5).json()


def fetch(path, **kwargs):
    return requests.get(f"{BASE}{path}", **kwargs).json()


def fetch_defaults(query):
    return fetch("/search", params={"q": query, "page": None}, verify=None, stream=None)


async def dashboard(query):
    return {
        "search": search(query),
        "second": search(query, page=2, sort="new"),
        "inline": search_inline(query),
        "tagged": tagged(["a", None, "b"], {}),
        "explicit": explicit_defaults(query),
        "me": whoami(),
        "kwargs": fetch_defaults(query),
    }
