"""Fan-outs that must stay sequential: each depends on the one before, or stops early."""

import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import requests

from .api import HEADERS, call_api, charge, get_user

IDS = [1, 2, 3, 4, 5, 6]
session = requests.Session()
# Calls recorded to be replayed: each one's method is known only at run time.
RECORDED = [
    ("GET", "social", "/v1/users/1", None),
    (
        "POST",
        "payments",
        "/v1/charges",
        {"order_id": "r-1", "amount_cents": 100, "currency": "EUR"},
    ),
    ("GET", "social", "/v1/users/2", None),
    (
        "POST",
        "payments",
        "/v1/charges",
        {"order_id": "r-2", "amount_cents": 200, "currency": "EUR"},
    ),
]


def seq_next_links(urls):
    names = []
    url = f"{urls['catalog']}/v1/products"
    while url:
        page = session.get(url, headers=HEADERS).json()
        names.extend(item["name"] for item in page["items"])
        url = page["next"]
    return names


def seq_chain_in_for(urls):
    user_id = 1
    handles = []
    for _ in range(4):
        user = get_user(urls["social"], user_id)
        handles.append(user["handle"])
        user_id = user["id"] + 2
    return handles


def seq_break(urls):
    for user_id in IDS:
        user = get_user(urls["social"], user_id)
        if user["id"] == 3:
            break
    return user["name"]


def seq_return_early(urls):
    for user_id in IDS:
        if get_user(urls["social"], user_id)["handle"] == "user2":
            return user_id
    return None


def seq_raise_stops(urls):
    names = []
    for user_id in [1, 2, 99, 4]:
        response = session.get(f"{urls['social']}/v1/users/{user_id}", headers=HEADERS)
        if response.status_code != 200:
            raise LookupError(user_id)
        names.append(response.json()["name"])
    return names


def seq_writes(urls):
    charges = []
    for n, amount in enumerate([100, 200, 300]):
        charges.append(charge(urls["payments"], f"order-{n}", amount)["charge_id"])
    return charges


def seq_dependent_calls(urls):
    first = get_user(urls["social"], 1)
    second = get_user(urls["social"], first["id"] + 4)
    return first["name"], second["name"]


def seq_mutated_params(urls):
    params = {"city": "Oslo"}
    temps = []
    for city in ["Oslo", "Rome", "Lima"]:
        temps.append(
            session.get(f"{urls['weather']}/v1/weather", params=params, headers=HEADERS).json()[
                "temp_c"
            ]
        )
        params["city"] = city
    return temps


def seq_paced(urls):
    names = []
    for user_id in [1, 2, 3]:
        names.append(get_user(urls["social"], user_id)["name"])
        time.sleep(0.01)
    return names


def seq_any(urls):
    return any(get_user(urls["social"], i)["handle"] == "user2" for i in IDS)


def seq_all_filtered(urls):
    return all(get_user(urls["social"], i)["id"] < 4 for i in IDS if i != 2)


def seq_map_writes(urls):
    base = urls["payments"]
    return list(map(lambda n: charge(base, f"order-{n}", 100 * n)["charge_id"], [1, 2, 3]))


def seq_next(urls):
    return next((get_user(urls["social"], i)["name"] for i in IDS if i > 2), None)


def seq_cursor(urls):
    names, page = [], 1
    while page:
        params = {"page": page}
        url = f"{urls['catalog']}/v1/products"
        data = session.get(url, params=params, headers=HEADERS).json()
        names.extend(item["name"] for item in data["items"])
        page = page + 1 if data["next"] else None
    return names


def seq_while_queue(urls):
    pending = list(IDS)
    names = []
    while pending:
        user_id = pending.pop(0)
        names.append(get_user(urls["social"], user_id)["name"])
    return names


def _handles(base):
    for user_id in IDS:
        yield get_user(base, user_id)["handle"]


def seq_yield(urls):
    handles = []
    for handle in _handles(urls["social"]):
        handles.append(handle)
    return handles


class Inventory:
    """Reserves stock, keeping what it reserved (a write that changes its receiver)."""

    def __init__(self, base):
        self.base = base
        self.reserved = []

    def reserve(self, sku):
        payload = {"order_id": f"o-{sku}", "sku": sku, "quantity": 2}
        response = session.post(f"{self.base}/v1/reservations", json=payload, headers=HEADERS)
        response.raise_for_status()
        self.reserved.append(response.json()["reservation_id"])


def seq_sync_writes(urls):
    inventory = Inventory(urls["inventory"])
    for sku in ["apple", "pear", "apple", "plum"]:
        inventory.reserve(sku)
    return inventory.reserved


class Tracker:
    """Remembers what it fetched, in the order it fetched it."""

    def __init__(self, base):
        self.base = base
        self.seen = []

    def track(self, user_id):
        user = get_user(self.base, user_id)
        self._remember(user["handle"])

    def _remember(self, handle):
        self.seen.append(handle)


def seq_receiver_state(urls):
    tracker = Tracker(urls["social"])
    for user_id in IDS:
        tracker.track(user_id)
    return tracker.seen


def seq_receiver_calls(urls):
    tracker = Tracker(urls["social"])
    tracker.track(5)
    tracker.track(3)
    return tracker.seen


def seq_runtime_method(urls):
    statuses = []
    for method, service, path, payload in RECORDED:
        response = session.request(method, urls[service] + path, json=payload, headers=HEADERS)
        statuses.append(response.status_code)
    return statuses


def seq_runtime_method_wrapper(urls):
    return [
        call_api(method, urls[service] + path, payload)
        for method, service, path, payload in RECORDED
    ]


def seq_pool_of_one_writes(urls):
    base = urls["payments"]
    with ThreadPoolExecutor(max_workers=1) as pool:
        futures = [pool.submit(charge, base, f"one-{n}", 100 * n) for n in [1, 2, 3]]
        return [future.result()["charge_id"] for future in futures]


def seq_pool_of_one_map(urls):
    base = urls["social"]
    workers = ThreadPoolExecutor(1)
    with workers:
        return list(workers.map(lambda i: get_user(base, i)["handle"], IDS))


class Pager:
    """Hands out page numbers, the way a cursor object does."""

    def __init__(self):
        self.page = 1

    def advance(self):
        self.page += 1
        return self.page


def seq_statement_advances(urls):
    base = urls["social"]
    pager = Pager()
    first = get_user(base, 1)
    second = (pager.advance(), get_user(base, pager.page))
    return first["name"], second[1]["name"]


def seq_comp_advances(urls):
    base = urls["social"]
    pager = Pager()
    return [(pager.advance(), get_user(base, pager.page)["handle"]) for _ in range(3)]


def seq_comp_effects(urls):
    seen = []
    try:
        [seen.append(get_user(urls["social"], i)["handle"]) for i in [1, 2, 99, 4]]
    except requests.HTTPError:
        pass
    return seen


def seq_next_map(urls):
    return next(map(partial(get_user, urls["social"]), IDS))["name"]


def seq_next_iter_map(urls):
    first = next(iter(map(partial(get_user, urls["social"]), [3, 4, 5])))
    return first["handle"]


def seq_next_generator(urls):
    first = next(get_user(urls["social"], i) for i in IDS if i > 1)
    return first["name"]


def seq_loop_over_map_returns(urls):
    for user in map(partial(get_user, urls["social"]), IDS):
        if user["id"] == 3:
            return user["name"]
    return None


def seq_any_in_if(urls):
    if any(get_user(urls["social"], i)["handle"] == "user3" for i in IDS):
        return "found"
    return "missing"


def seq_all_assigned(urls):
    small = all(get_user(urls["social"], i)["id"] < 3 for i in IDS)
    return small


def seq_map_iterator_next(urls):
    users = map(partial(get_user, urls["social"]), IDS)
    first = next(users)
    second = next(users)
    return first["name"], second["name"]
