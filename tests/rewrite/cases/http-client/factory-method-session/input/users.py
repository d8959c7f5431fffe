import requests
from requests.adapters import HTTPAdapter

API = "https://users.example.com"


class UsersClient:
    def __init__(self, token, retries=2):
        self.token = token
        self.retries = retries
        self.session = self._make_session()

    def _make_session(self):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {self.token}"
        session.mount("https://", HTTPAdapter(max_retries=self.retries))
        return session

    def user(self, key):
        response = self.session.get(f"{API}/users/{key}", timeout=5)
        response.raise_for_status()
        return response.json()

    def close(self):
        self.session.close()


class Teams:
    def __init__(self):
        self.http = self.new_session("teams-client/1.0")

    @staticmethod
    def new_session(agent):
        session = requests.Session()
        session.headers.update({"User-Agent": agent})
        return session

    def members(self, team):
        return self.http.get(f"{API}/teams/{team}", timeout=5).json()["members"]


def user_name(token, key):
    client = UsersClient(token)
    try:
        return client.user(key)["name"]
    finally:
        client.close()


def team_size(team):
    return len(Teams().members(team))
