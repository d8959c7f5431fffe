"""Loops over a map: the body runs for each result before a failure, as it did."""

import logging
from concurrent.futures import ThreadPoolExecutor
from itertools import repeat

import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT, gather_in_order, gather_outcomes

log = logging.getLogger(__name__)


async def get_feed(feed_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"http://feeds/v1/feeds/{feed_id}")
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def titles(feed_ids, seen):
    for feed_id, feed in zip(
        feed_ids,
        (
            outcome.result()
            for outcome in await gather_outcomes(map(get_feed, feed_ids), limit=4)
        ),
    ):
        seen[feed_id] = feed["title"]
    return seen


async def authors(feed_ids):
    found = []
    for outcome in await gather_outcomes(map(get_feed, feed_ids), limit=4):
        feed = outcome.result()
        log.info("feed %s", feed["id"])
        found.append(feed["author"])
    return found


async def sizes(feed_ids):
    total = 0
    for outcome in await gather_outcomes(map(get_feed, feed_ids), limit=10):
        feed = outcome.result()
        total += len(feed["items"])
    return total


async def first_large(feed_ids):
    async for feed in (await get_feed(feed_id) for feed_id in feed_ids):
        if len(feed["items"]) > 100:
            return feed
    return None


def first_with_author(feed_ids, author):
    # The pool cancels what it has not started once the loop returns: kept in threads.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for feed in pool.map(async_to_sync(get_feed), feed_ids):
            if feed["author"] == author:
                return feed["id"]
    return None


async def get_feed_field(field, feed_id):
    return (await get_feed(feed_id))[field]


async def fields(field, feed_ids):
    return await gather_in_order(map(get_feed_field, repeat(field), feed_ids), limit=4)


def fields_in_time(field, feed_ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(
            pool.map(async_to_sync(get_feed_field), repeat(field), feed_ids, timeout=30)
        )
