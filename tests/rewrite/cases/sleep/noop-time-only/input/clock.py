import time


def stamp():
    return time.time()


def elapsed(started):
    return time.monotonic() - started
