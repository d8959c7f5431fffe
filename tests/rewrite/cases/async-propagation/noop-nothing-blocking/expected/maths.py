import json
import time


def parse(text):
    return json.loads(text)


def elapsed(started):
    return time.time() - started


def total(values):
    return sum(parse(v)["n"] for v in values)
