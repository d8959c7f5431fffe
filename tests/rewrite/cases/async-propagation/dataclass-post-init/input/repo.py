from dataclasses import dataclass, field

import requests

API = "http://api.example.com"


@dataclass
class Repo:
    owner: str
    name: str
    data: dict = field(default_factory=dict)

    def __post_init__(self):
        self.data = requests.get(f"{API}/repos/{self.owner}/{self.name}", timeout=5).json()


def stars(owner, name):
    return Repo(owner, name).data["stars"]


@dataclass
class Fork(Repo):
    parent: str = ""

    def __post_init__(self):
        super().__post_init__()
        self.parent = self.data.get("parent", "")


def parent_of(owner, name):
    return Fork(owner, name).parent
