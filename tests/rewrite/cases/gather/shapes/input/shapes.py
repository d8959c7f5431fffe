import requests
from concurrent.futures import ThreadPoolExecutor


def fetch(i):
    return requests.get(f"http://x/{i}").json()


def post(i):
    return requests.post("http://x", json={"i": i}).json()


def comp(ids):
    return [fetch(i) for i in ids]


def comp_set(ids):
    return {fetch(i) for i in ids}


def filtered(ids):
    return [fetch(i) for i in ids if i > 0]


def mapped(ids):
    return list(map(fetch, ids))


def pooled(ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(fetch, ids))


def writes(ids):
    out = []
    for i in ids:
        out.append(post(i))
    return out


def early(ids):
    out = []
    for i in ids:
        r = fetch(i)
        if r is None:
            break
        out.append(r)
    return out


def dependent():
    a = fetch(1)
    b = fetch(a["next"])
    return a, b


def independent():
    a = fetch(1)
    b = fetch(2)
    return a, b


def temp(ids):
    out = []
    for i in ids:
        r = fetch(i)
        out.append(r)
    return out


def submitted(ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(fetch, i) for i in ids]
        return [f.result() for f in futures]


def submitted_loop(ids):
    out = []
    with ThreadPoolExecutor() as pool:
        futures = [pool.submit(fetch, i) for i in ids]
    for future in futures:
        out.append(future.result())
    return out


def get_item(i):
    return requests.get(f"http://x/{i}").json()


def submitted_named(ids):
    with ThreadPoolExecutor() as executor:
        futures = [executor.submit(get_item, i) for i in ids]
    by_value = {}
    for future in futures:
        by_value[future.result()["i"]] = future.result()
    return sorted(by_value), [future.result()["i"] * 2 for future in futures]


def by_id(ids):
    return {i: fetch(i) for i in ids}


def posted_one_at_a_time(ids):
    with ThreadPoolExecutor(max_workers=1) as pool:
        futures = [pool.submit(post, i) for i in ids]
        return [future.result() for future in futures]


def pooled_in_pairs(ids):
    pairs = ThreadPoolExecutor(2)
    with pairs:
        return list(pairs.map(lambda i: fetch(i)["i"], ids))


def pooled_then_taken(ids):
    with ThreadPoolExecutor(max_workers=2) as pool:
        items = pool.map(fetch, ids)
        first = next(items)
        return first, list(items)


def largest(ids):
    return max((fetch(i)["i"] for i in ids), default=-1)


def first_big(ids):
    for item in (fetch(i) for i in ids):
        if item["i"] > 2:
            return item
    return None


def numbers(items):
    return [item["i"] for item in items]


def handed(ids):
    return numbers(fetch(i) for i in ids)
