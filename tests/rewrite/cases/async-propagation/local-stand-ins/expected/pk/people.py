import functools

import httpx

from ._async_helpers import TLS_CONTEXT, gather_in_order


async def get_json(base, path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(base + path, timeout=5)
    if r.is_error:
        r.raise_for_status()
    return r.json()


class Directory:
    def __init__(self, base):
        self.base = base

    async def person(self, pid):
        return await get_json(self.base, f"/people/{pid}")


async def names(base, ids):
    fetch = functools.partial(get_json, base)
    people = await gather_in_order((fetch(f"/people/{i}") for i in ids), limit=10)
    return [person["name"] for person in people]


async def first_name(base, pid):
    load = get_json
    return (await load(base, f"/people/{pid}"))["name"].split()[0]


async def emails(directory: Directory, ids):
    person = directory.person
    found = {}
    ids = list(ids)
    person_results = await gather_in_order((person(pid) for pid in ids), limit=10)
    for pid, person_result in zip(ids, person_results):
        found[pid] = person_result["email"]
    return found


async def ages(directory, ids):
    age_of = functools.partial(directory.person)
    age_of_results = await gather_in_order((age_of(pid) for pid in ids), limit=10)
    return sum(age_of_result["age"] for age_of_result in age_of_results)


async def total_age(base, ids):
    return await ages(Directory(base), ids)


async def shouted(base, ids):
    fetch = functools.partial(get_json, base)
    out = await gather_in_order(map(fetch, [f"/people/{i}" for i in ids]), limit=10)
    return [p["name"].upper() for p in out]


async def contact(directory: Directory, pid):
    lookup = getattr(directory, "person", None)
    if not callable(lookup):
        return None
    return (await lookup(pid))["email"]
