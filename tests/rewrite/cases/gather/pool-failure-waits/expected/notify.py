import httpx

from _async_helpers import TLS_CONTEXT, TaskPool


class NotifyError(Exception):
    pass


async def notify(base, user):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.post(
            f"{base}/notify/{user}", json={"user": user}, timeout=10
        )
    if resp.status_code != 201:
        raise NotifyError(f"{user}: {resp.status_code}")
    return resp.json()["id"]


async def notify_all(base, users):
    """Notify every user; raise on the first failure seen."""
    ids = []
    async with TaskPool(limit=4) as pool:
        futures = {pool.submit(notify(base, u)): u for u in users}
        async for fut in pool.as_completed(futures):
            ids.append(fut.result())
    return sorted(ids)


async def any_notified(base, users):
    """Whether a user was notified: the others are notified all the same."""
    async with TaskPool(limit=4) as pool:
        futures = [pool.submit(notify(base, u)) for u in users]
        async for fut in pool.as_completed(futures):
            return fut.result() is not None
    return False


async def notified_until(base, users, last):
    """Whether ``last`` was notified, taken once it is: the others are notified too."""
    seen = []
    async with TaskPool(limit=4) as pool:
        futures = {pool.submit(notify(base, u)): u for u in users}
        async for fut in pool.as_completed(futures):
            seen.append(fut.result())
            if futures[fut] == last:
                break
    return f"n-{last}" in seen
