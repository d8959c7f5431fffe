from .pages import counted, numbered, pages, sized, stats


def has_big_page(url):
    # any() stops at the first big page: the pages after it are never fetched.
    return any(len(page) > 1 for page in pages(url))


def page_sizes(url):
    return dict(numbered(url))


def summary(url):
    return stats(url)["count"]


def sized_items(url):
    # sized() awaits stats() before it hands back its generator: it stays sync.
    return list(sized(url))


def counted_items(url):
    return list(counted(url))
