from typing import Optional

import requests

BASE = "https://git.example.com/api"


class Backend:
    def __init__(self, session: Optional[requests.Session] = None) -> None:
        self._client: requests.Session = session or requests.Session()

    @property
    def client(self) -> requests.Session:
        return self._client

    def request(self, method: str, path: str) -> requests.Response:
        return self._client.request(method, BASE + path, timeout=10)


class Gitlab:
    def __init__(self, session: Optional[requests.Session] = None) -> None:
        self.backend = Backend(session)

    def get(self, path: str) -> dict:
        response = self.backend.request("GET", path)
        if response.status_code == 404:
            raise LookupError(response.json()["message"])
        return response.json()


def project_name(project_id: int) -> str:
    return Gitlab().get(f"/projects/{project_id}")["name"]


def project_name_with_own_session(project_id: int) -> str:
    with requests.Session() as session:
        session.headers["PRIVATE-TOKEN"] = "secret"
        return Gitlab(session).get(f"/projects/{project_id}")["name"]
