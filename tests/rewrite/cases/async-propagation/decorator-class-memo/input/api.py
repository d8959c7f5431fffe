import requests

from memo import cache


@cache
def search(query, limit=10):
    params = {"q": query, "limit": limit}
    response = requests.get("https://api.example.com/search", params=params, timeout=5)
    response.raise_for_status()
    return response.json()["results"]


def first(query):
    return search(query, limit=1)[0]


def forget():
    search.clear_cache()
