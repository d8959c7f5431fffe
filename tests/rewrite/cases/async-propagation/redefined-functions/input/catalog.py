import functools
import os
from typing import overload

import requests

API = "http://catalog.example.com"

if os.environ.get("CATALOG_FAST"):

    def fetch(path):
        return requests.get(API + path, timeout=1).json()

else:

    def fetch(path):
        response = requests.get(API + path, timeout=10)
        response.raise_for_status()
        return response.json()


@functools.singledispatch
def describe(item):
    return str(item)


@describe.register
def _(item: int):
    return fetch(f"/items/{item}")["name"]


@describe.register(list)
def _(item):
    return [describe(each) for each in item]


@overload
def price(item: int) -> float: ...


@overload
def price(item: str) -> float: ...


def price(item):
    return fetch(f"/items/{item}")["price"]


def report(items):
    return {str(item): describe(item) for item in items}


def total(items):
    return sum(price(item) for item in items)
