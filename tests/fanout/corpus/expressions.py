"""Comprehensions, generator expressions and independent calls."""

import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
from functools import partial

import requests

from .api import HEADERS, call_api, charge, get_user, summary

IDS = [1, 2, 3, 4, 5, 6]
session = requests.Session()


def comp_whole(urls):
    return [get_user(urls["social"], i) for i in IDS]


def comp_subscript(urls):
    return [get_user(urls["social"], i)["name"] for i in IDS]


def comp_json(urls):
    base = urls["social"]
    return [session.get(f"{base}/v1/users/{i}", headers=HEADERS).json() for i in IDS]


def comp_one_off_requests(urls):
    base = urls["social"]
    names = [requests.get(f"{base}/v1/users/{i}", headers=HEADERS).json()["name"] for i in IDS]
    return names


def comp_one_off_whole(urls):
    base = urls["social"]
    responses = [requests.get(f"{base}/v1/users/{i}", headers=HEADERS) for i in IDS]
    return [r.json()["name"] for r in responses]


def comp_wrapper_get(urls):
    base = urls["social"]
    return [call_api("GET", f"{base}/v1/users/{i}")["name"] for i in IDS]


def comp_function_of_result(urls):
    return [summary(get_user(urls["social"], i)) for i in IDS]


def comp_filtered(urls):
    return [get_user(urls["social"], i)["handle"] for i in IDS if i % 2]


def dict_comp(urls):
    return {i: get_user(urls["social"], i)["name"] for i in IDS}


def set_comp(urls):
    return sorted({get_user(urls["social"], i)["handle"] for i in [1, 2, 2, 3, 3, 4]})


def sum_generator(urls):
    return sum(get_user(urls["social"], i)["id"] for i in IDS)


def max_generator(urls):
    return max(get_user(urls["social"], i)["handle"] for i in IDS)


def sorted_generator(urls):
    return sorted(get_user(urls["social"], i)["name"] for i in IDS)


def join_generator(urls):
    return ", ".join(get_user(urls["social"], i)["handle"] for i in IDS)


def tuple_generator(urls):
    return tuple(get_user(urls["social"], i)["id"] for i in IDS)


def calls_separated(urls):
    base = urls["social"]
    first = get_user(base, 1)
    label = first["name"].upper()
    second = get_user(base, 2)
    return label, second["name"]


def calls_return_tuple(urls):
    base = urls["social"]
    return get_user(base, 1)["name"], get_user(base, 2)["name"], get_user(base, 3)["name"]


def calls_f_string(urls):
    base = urls["social"]
    return f"{get_user(base, 1)['handle']} follows {get_user(base, 2)['handle']}"


def calls_in_branches(urls, recent=True):
    base = urls["social"]
    if recent:
        user = get_user(base, 3)
        post = session.get(f"{base}/v1/users/3/posts/latest", headers=HEADERS).json()
    else:
        user = get_user(base, 4)
        post = None
    return user["name"], post


def map_builtin(urls):
    base = urls["social"]
    return list(map(lambda i: get_user(base, i)["id"], IDS))


def thread_pool_map(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(partial(get_user, base), IDS))


def thread_pool_two_workers(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda i: get_user(base, i)["name"], IDS))


def thread_pool_map_iterator(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=3) as pool:
        users = pool.map(partial(get_user, base), IDS)
        first = next(users)
        return first["name"], [user["handle"] for user in users]


def thread_pool_submit(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(get_user, base, i) for i in IDS]
        return [future.result()["name"] for future in futures]


def calls_around_logging(urls):
    base = urls["social"]
    first = get_user(base, 5)
    seen = {first["id"]}
    second = get_user(base, 6)
    return first["handle"], second["handle"], seen


def calls_effect_before_failure(urls):
    base = urls["social"]
    seen = []
    try:
        first = get_user(base, 1)
        second = (seen.append(first["handle"]), get_user(base, 99))
    except requests.HTTPError:
        return seen
    return second


def thread_pool_as_completed(urls):
    base = urls["social"]
    names = {}
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {pool.submit(get_user, base, i): i for i in IDS}
        for future in as_completed(futures):
            names[futures[future]] = future.result()["name"]
    return names


def thread_pool_as_completed_list(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(get_user, base, i) for i in IDS]
        names = []
        for future in as_completed(futures):
            names.append(future.result()["name"])
    return sorted(names)


def thread_workers(urls):
    base = urls["social"]
    names = {}

    def worker(user_id):
        names[user_id] = get_user(base, user_id)["name"]

    threads = [threading.Thread(target=worker, args=(i,)) for i in IDS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return names


def thread_pool_map_lambda(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return sorted(pool.map(lambda i: get_user(base, i)["handle"], IDS))


def map_lambda_pairs(urls):
    base = urls["social"]
    return dict(map(lambda i: (i, get_user(base, i)["name"]), IDS))


def thread_per_item(urls):
    base = urls["social"]
    handles = [None] * len(IDS)

    def fill(index, user_id):
        handles[index] = get_user(base, user_id)["handle"]

    threads = []
    for index, user_id in enumerate(IDS):
        thread = threading.Thread(target=fill, args=(index, user_id), daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    return handles


class Profile:
    """Filled in attribute by attribute, the way test set-ups and models are."""


def calls_to_attributes(urls):
    profile = Profile()
    profile.owner = get_user(urls["social"], 1)
    profile.friend = get_user(urls["social"], 2)
    return profile.owner["name"], profile.friend["name"]


class Counter:
    """Counts what it fetched, the way a service keeps metrics."""

    def __init__(self, base):
        self.base = base
        self.fetched = 0
        self.log = []

    def pair(self, first_id, second_id):
        first = get_user(self.base, first_id)
        self.log.append(f"got {first['handle']}")
        self.fetched += 1
        second = get_user(self.base, second_id)
        self.fetched += 1
        return first["name"], second["name"]


def calls_around_effects(urls):
    counter = Counter(urls["social"])
    return counter.pair(1, 2), counter.fetched, counter.log


def calls_around_effects_failing(urls):
    counter = Counter(urls["social"])
    try:
        return counter.pair(1, 99)
    except requests.HTTPError as exc:
        raise LookupError(f"{counter.fetched} fetched: {counter.log}") from exc


def thread_pool_writes(urls):
    base = urls["payments"]
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(charge, base, f"order-{n}", 100 * n) for n in IDS]
        return [future.result()["charge_id"] for future in futures]


def thread_pool_callbacks(urls):
    base = urls["social"]
    names = []
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(get_user, base, i) for i in IDS]
        for future in futures:
            future.add_done_callback(lambda done: names.append(done.result()["name"]))
    return sorted(names)


def thread_pool_wait(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(get_user, base, i) for i in [1, 2, 99, 4, 5, 6]]
        wait(futures)
        return [future.exception() is None for future in futures]


class Prefetch:
    """Starts the fetches now and hands the names over later, from its futures."""

    def __init__(self, base):
        self.base = base
        self.pool = ThreadPoolExecutor(max_workers=3)

    def start(self, ids):
        self.pending = [self.pool.submit(get_user, self.base, i) for i in ids]

    def names(self):
        return [future.result()["name"] for future in self.pending]


def thread_pool_futures_kept(urls):
    prefetch = Prefetch(urls["social"])
    prefetch.start(IDS)
    return prefetch.names()


def thread_pool_sized_at_run_time(urls, workers=2):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return [user["handle"] for user in pool.map(partial(get_user, base), IDS)]


def thread_pool_assigned(urls):
    base = urls["social"]
    pool = ThreadPoolExecutor(max_workers=2)
    try:
        return [user["name"] for user in pool.map(partial(get_user, base), IDS)]
    finally:
        pool.shutdown(wait=True)


def thread_pool_also_used_otherwise(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=3) as pool:
        handles = [user["handle"] for user in pool.map(partial(get_user, base), IDS)]
        count = pool.submit(len, handles).result()
    return handles, count


def _names_by_id(base, user_ids):
    return {i: get_user(base, i)["name"] for i in user_ids}


def comp_over_parameter(urls):
    # An iterator: the items can be read once only.
    return _names_by_id(urls["social"], iter(IDS))


def thread_pool_submit_loop(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = []
        for user_id in IDS:
            futures.append(pool.submit(get_user, base, user_id))
        return [future.result()["handle"] for future in futures]


def thread_pool_map_loop_returns(urls):
    base = urls["social"]
    with ThreadPoolExecutor(max_workers=3) as pool:
        for user in pool.map(partial(get_user, base), IDS):
            if user["id"] == IDS[-1]:
                return user["name"]
    return None
