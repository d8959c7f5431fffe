import requests


def logins(base, ids):
    found = []
    for uid in ids:
        response = requests.get(f"{base}/users/{uid}", timeout=5)
        response.raise_for_status()
        found.append(response.json()["login"])
    return found


def logins_counted(base, ids):
    found, errors = [], 0
    for uid in ids:
        try:
            response = requests.get(f"{base}/users/{uid}", timeout=5)
            response.raise_for_status()
        except requests.ConnectionError:
            errors += 1
            continue
        found.append(response.json()["login"])
    return found, errors
