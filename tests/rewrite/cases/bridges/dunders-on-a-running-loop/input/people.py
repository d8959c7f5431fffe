import requests

API = "http://people.example.com"


def get(path):
    response = requests.get(API + path, timeout=5)
    response.raise_for_status()
    return response.json()


class UserRef:
    def __init__(self, uid):
        self.uid = uid

    def __eq__(self, other):
        return get(f"/users/{self.uid}")["name"] == other

    def __str__(self):
        return get(f"/users/{self.uid}")["name"]


class LazyUser:
    def __init__(self, uid):
        self.uid = uid

    def __getattr__(self, name):
        data = get(f"/users/{self.uid}")
        if name not in data:
            raise AttributeError(name)
        return data[name]


class Team:
    def __init__(self, tid):
        self.tid = tid

    def __iter__(self):
        yield from get(f"/teams/{self.tid}")["members"]

    def __len__(self):
        return len(get(f"/teams/{self.tid}")["members"])


def greeting(uid):
    profile = get(f"/users/{uid}")
    ref = UserRef(uid)
    return f"{profile['name']} is {ref}: {ref == profile['name']}"


def lazy_email(uid):
    get(f"/users/{uid}")
    return LazyUser(uid).email


def team_summary(tid, teams):
    lead = get(f"/teams/{tid}/lead")
    team = teams[tid]
    return lead["name"], "Ada" in team, bool(team), list(team)
