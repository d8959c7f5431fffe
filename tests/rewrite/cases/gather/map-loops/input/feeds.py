"""Loops over a map: the body runs for each result before a failure, as it did."""

import logging
from concurrent.futures import ThreadPoolExecutor
from itertools import repeat

import requests

log = logging.getLogger(__name__)


def get_feed(feed_id):
    response = requests.get(f"http://feeds/v1/feeds/{feed_id}")
    response.raise_for_status()
    return response.json()


def titles(feed_ids, seen):
    with ThreadPoolExecutor(max_workers=4) as pool:
        for feed_id, feed in zip(feed_ids, pool.map(get_feed, feed_ids)):
            seen[feed_id] = feed["title"]
    return seen


def authors(feed_ids):
    found = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        for feed in pool.map(get_feed, feed_ids):
            log.info("feed %s", feed["id"])
            found.append(feed["author"])
    return found


def sizes(feed_ids):
    total = 0
    for feed in map(get_feed, feed_ids):
        total += len(feed["items"])
    return total


def first_large(feed_ids):
    for feed in map(get_feed, feed_ids):
        if len(feed["items"]) > 100:
            return feed
    return None


def first_with_author(feed_ids, author):
    # The pool cancels what it has not started once the loop returns: kept in threads.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for feed in pool.map(get_feed, feed_ids):
            if feed["author"] == author:
                return feed["id"]
    return None


def get_feed_field(field, feed_id):
    return get_feed(feed_id)[field]


def fields(field, feed_ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(get_feed_field, repeat(field), feed_ids))


def fields_in_time(field, feed_ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(get_feed_field, repeat(field), feed_ids, timeout=30))
