import requests

API = "http://people.example.com"


def get_json(path):
    response = requests.get(API + path, timeout=5)
    response.raise_for_status()
    return response.json()


def load_session(ctx):
    ctx["user_id"] = get_json("/session")["user_id"]


def remember_team(holder):
    holder.team_id = get_json("/session")["team_id"]


def fill_ids(ids):
    ids.extend(get_json("/session/ids"))


def dashboard():
    ctx = {}
    load_session(ctx)
    user = get_json(f"/users/{ctx['user_id']}")
    return user["name"]


class Holder:
    team_id = None


def team_page(holder):
    remember_team(holder)
    team = get_json(f"/teams/{holder.team_id}")
    return team["name"]


def last_user():
    ids = []
    fill_ids(ids)
    return get_json(f"/users/{ids[-1]}")["name"]


def news_and_session():
    ctx = {}
    news = get_json("/news")
    load_session(ctx)
    return news["title"], ctx["user_id"]


class Tracker:
    def __init__(self):
        self.sent = 0

    def get(self, path):
        self.sent += 1
        return get_json(path)


def sent_between():
    tracker = Tracker()
    tracker.get("/users/1")
    return tracker.sent, tracker.get("/users/2")["name"], tracker.sent
