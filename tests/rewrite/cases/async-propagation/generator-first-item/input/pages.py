import requests

# Pages whose generator has finished with them (closed early, or run out).
finished = []


def items(url):
    while url:
        page = requests.get(url).json()
        yield from page["items"]
        url = page["next"]


def held_items(url):
    with requests.Session() as session:
        try:
            while url:
                page = session.get(url).json()
                yield from page["items"]
                url = page["next"]
        finally:
            finished.append(url)


def first_item(url):
    return next(iter(items(url)), None)


def first_held(url):
    first = next(iter(held_items(url)), None)
    return first, len(finished)


def first_of_each(url, other):
    return next(held_items(url)), next(held_items(other), None)


def finished_count():
    return len(finished)
