import requests

session = requests.Session()


def get(url, **params):
    response = session.get(url, params=params, timeout=5)
    response.raise_for_status()
    return response


def all_items(url):
    items = []
    while url:
        page = get(url, per_page=2).json()
        items.extend(page["items"])
        url = page["next"]
    return items


def search(url, term):
    return get(url, q=term).json()


def english(base, term):
    response = requests.get(base + "/search?lang=en", params={"q": term}, timeout=5)
    return response.json()
