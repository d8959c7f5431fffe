from .pages import Catalog, items, items_from, pages


def first(url, n):
    out = []
    for item in items(url):
        out.append(item)
        if len(out) == n:
            break
    return out


def everything(url):
    return list(items(url))


def distinct(url):
    return set(items(url))


def ranked(url):
    return sorted(items(url), reverse=True)


def first_item(url):
    return next(items(url))


def first_item_or(url, default):
    return next(items(url), default)


def page_count(url):
    return sum(1 for _ in pages(url))


def catalog_names(base):
    return [name.upper() for name in Catalog(base).names()]


def first_entry(base):
    for entry in Catalog(base).entries():
        return entry["name"]
    return None


def first_two(url):
    out = []
    for item in items_from(url):
        out.append(item)
        if len(out) == 2:
            break
    return out


def all_names(base):
    return list(Catalog(base).all_names())


def collect(make, url):
    return [item * 10 for item in make(url)]


def tenfold(url):
    return collect(items, url)
