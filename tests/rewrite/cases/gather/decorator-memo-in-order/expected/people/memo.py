import functools


def memoize(fn):
    cache = {}

    @functools.wraps(fn)
    async def wrapper(*args):
        if args not in cache:
            cache[args] = await fn(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper
