from dataclasses import dataclass, field
from typing import Any, ClassVar

import requests


@dataclass
class Project:
    """A project, with the client that fetched it (``Any``: no import cycle)."""

    kind: ClassVar[str] = "project"
    id: int
    name: str
    client: Any = field(default=None, repr=False, compare=False)
    seen: list = field(default_factory=list, init=False)

    def refresh(self):
        self.name = self.client.get(f"/projects/{self.id}")["name"]
        return self

    def owner(self):
        return self.client.get(f"/projects/{self.id}/owner")["login"]


@dataclass
class Team:
    slug: str
    client: Any = None

    def members(self):
        return [m["login"] for m in self.client.get(f"/teams/{self.slug}/members")]


class Client:
    def __init__(self, base_url):
        self.base_url = base_url
        self.session = requests.Session()

    def get(self, path):
        response = self.session.get(self.base_url + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def project(self, pid):
        data = self.get(f"/projects/{pid}")
        return Project(data["id"], data["name"], client=self)

    def team(self, slug):
        return Team(slug, self)
