import requests

API = "https://api.example.com"


class Users:
    def __init__(self, session):
        self._session = session

    def get(self, uid):
        response = self._session.get(f"{API}/users/{uid}", timeout=5)
        response.raise_for_status()
        return response.json()


class Teams:
    def __init__(self, session):
        self._session = session

    def members(self, team):
        return self._session.get(f"{API}/teams/{team}", timeout=5).json()["members"]


class Client:
    def __init__(self, token):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.users = Users(self.session)
        self.teams = Teams(self.session)


SHARED = requests.Session()
DEFAULT_USERS = Users(SHARED)


def team_names(token, team):
    client = Client(token)
    return [client.users.get(uid)["name"] for uid in client.teams.members(team)]


def default_user(uid):
    return DEFAULT_USERS.get(uid)["name"]
