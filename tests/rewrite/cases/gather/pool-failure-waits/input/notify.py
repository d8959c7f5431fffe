from concurrent.futures import ThreadPoolExecutor, as_completed

import requests


class NotifyError(Exception):
    pass


def notify(base, user):
    resp = requests.post(f"{base}/notify/{user}", json={"user": user}, timeout=10)
    if resp.status_code != 201:
        raise NotifyError(f"{user}: {resp.status_code}")
    return resp.json()["id"]


def notify_all(base, users):
    """Notify every user; raise on the first failure seen."""
    ids = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {pool.submit(notify, base, u): u for u in users}
        for fut in as_completed(futures):
            ids.append(fut.result())
    return sorted(ids)


def any_notified(base, users):
    """Whether a user was notified: the others are notified all the same."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(notify, base, u) for u in users]
        for fut in as_completed(futures):
            return fut.result() is not None
    return False


def notified_until(base, users, last):
    """Whether ``last`` was notified, taken once it is: the others are notified too."""
    seen = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {pool.submit(notify, base, u): u for u in users}
        for fut in as_completed(futures):
            seen.append(fut.result())
            if futures[fut] == last:
                break
    return f"n-{last}" in seen
