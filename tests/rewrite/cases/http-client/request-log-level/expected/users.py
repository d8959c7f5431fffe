import logging

import httpx

from _async_helpers import TLS_CONTEXT, gather_outcomes

log = logging.getLogger(__name__)


async def sync_users(base, users):
    names = []
    users = list(users)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        outcomes = await gather_outcomes(
            (http_client.get(f"{base}/users/{user}", timeout=10) for user in users),
            limit=10,
        )
    for user, outcome in zip(users, outcomes):
        resp = outcome.result()
        if resp.status_code == 404:
            log.info("skipping %s: gone", user)
            continue
        names.append(resp.json()["name"])
    log.info("synced %d users", len(names))
    return names
