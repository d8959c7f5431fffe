import requests

_users = {}
SEEN = []


def get_user(base, uid):
    if uid not in _users:
        response = requests.get(f"{base}/users/{uid}", timeout=5)
        response.raise_for_status()
        _users[uid] = response.json()
    return _users[uid]


def owner_logins(base, repos):
    return [get_user(base, repo["owner"])["login"] for repo in repos]


def fetch_logged(base, uid):
    SEEN.append(uid)
    return requests.get(f"{base}/users/{uid}", timeout=5).json()["login"]


def logged_logins(base, uids):
    logins = []
    for uid in uids:
        logins.append(fetch_logged(base, uid))
    return logins
