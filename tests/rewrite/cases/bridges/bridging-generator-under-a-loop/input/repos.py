import requests

API = "http://code.example.com"


def get(path):
    response = requests.get(API + path, timeout=5)
    response.raise_for_status()
    return response.json()


def pages(owner):
    """Each page of an owner's repositories; the count of pages, once done."""
    page = 1
    while True:
        batch = get(f"/repos/{owner}?page={page}")
        if not batch:
            return page - 1
        yield batch
        page += 1


def first_repo(owner):
    return next(pages(owner))[0]["name"]


def owner_and_first_repo(owner):
    profile = get(f"/users/{owner}")
    return profile["name"], first_repo(owner)


def every_repo(owner):
    profile = get(f"/users/{owner}")
    return profile["name"], [repo["name"] for page in pages(owner) for repo in page]
