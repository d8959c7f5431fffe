import requests

SEEN = []


class NotFound(Exception):
    pass


def check(response, *args, **kwargs):
    if response.status_code == 404:
        response.close()
        raise NotFound(response.url)


def record(response, **kwargs):
    SEEN.append((response.status_code, response.json().get("name")))


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.session.hooks["response"].append(check)

    def user(self, uid):
        return self.session.get(f"{self.base}/users/{uid}", timeout=5).json()


class Audited:
    def __init__(self, base):
        self.base = base
        self.log = []
        self.session = requests.Session()
        self.session.hooks["response"] = [self._audit, check]

    def _audit(self, response, *args, **kwargs):
        self.log.append(response.status_code)

    def user(self, uid):
        return self.session.get(f"{self.base}/users/{uid}", timeout=5).json()


def names(base, uids):
    with requests.Session() as session:
        session.hooks = {"response": [record]}
        return [session.get(f"{base}/users/{uid}", timeout=5).json()["name"] for uid in uids]


def checked_name(base, uid):
    response = requests.get(f"{base}/users/{uid}", hooks={"response": check}, timeout=5)
    return response.json()["name"]


def recorded_name(base, uid):
    return requests.get(
        f"{base}/users/{uid}", hooks={"response": [record]}, timeout=5
    ).json()["name"]
