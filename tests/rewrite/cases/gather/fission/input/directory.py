import logging
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import requests

log = logging.getLogger(__name__)
BASE = "http://x"


def fetch(i):
    response = requests.get(f"{BASE}/{i}")
    response.raise_for_status()
    return response.json()


def fetch_with(base, i):
    return requests.get(f"{base}/{i}").json()


def names_by_id(ids: list[int]):
    names = {}
    for i in ids:
        log.info("fetching %s", i)
        url = f"{BASE}/{i}"
        response = requests.get(url)
        if response.status_code == 404:
            continue
        names[i] = response.json()["name"]
    return names


def found_and_missing(ids: list[int]):
    found, missing = [], []
    for i in ids:
        try:
            item = fetch(i)
        except requests.HTTPError:
            missing.append(i)
            continue
        found.append(item["name"])
    return found, missing


def pairs_or_missing(ids: list[int]):
    pairs, missing = [], []
    for i in ids:
        try:
            item = fetch(i)
            twin = fetch_with(BASE, i)
        except requests.HTTPError:
            missing.append(i)
            continue
        pairs.append((item["name"], twin["name"]))
    return pairs, missing


def statuses(ids: list[int]):
    names, failed = [], []
    for i in ids:
        try:
            url = f"{BASE}/{i}"
            response = requests.get(url)
            response.raise_for_status()
            names.append(response.json()["name"])
        except requests.HTTPError as error:
            failed.append(error.response.status_code)
    return names, failed


def names(ids):
    return [fetch(i)["name"] for i in ids]


def labels(ids: list[int]):
    return {i: fetch(i)["name"].upper() for i in ids}


def summary():
    first = fetch(1)
    label = first["name"].title()
    second = fetch(2)
    return label, second["name"], fetch(3)["name"]


def pooled(ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(fetch, i) for i in ids]
        return [future.result()["name"] for future in futures]


def partial_map(ids):
    with ThreadPoolExecutor() as pool:
        return list(pool.map(partial(fetch_with, BASE), ids))


def pages(start):
    items = []
    cursor = start
    for _ in range(3):
        page = fetch(cursor)
        items.append(page["name"])
        cursor = page["next"]
    return items
