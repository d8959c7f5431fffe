import logging

import requests

log = logging.getLogger(__name__)


def sync_users(base, users):
    names = []
    for user in users:
        resp = requests.get(f"{base}/users/{user}", timeout=10)
        if resp.status_code == 404:
            log.info("skipping %s: gone", user)
            continue
        names.append(resp.json()["name"])
    log.info("synced %d users", len(names))
    return names
