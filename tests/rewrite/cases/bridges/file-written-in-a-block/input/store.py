import json
import os

import requests

BASE = "https://files.example.com"


def save_report(folder, name):
    data = requests.get(f"{BASE}/reports/{name}", timeout=5).content
    path = os.path.join(folder, name + ".json")
    with open(path, "wb") as out:
        out.write(data)
        out.write(b"\n")
    return path


def save_index(folder, names):
    index = {name: requests.get(f"{BASE}/reports/{name}", timeout=5).json() for name in names}
    path = os.path.join(folder, "index.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(index, out, sort_keys=True)
    return path


def read_back(path):
    with open(path, "rb") as stored:
        return stored.read()


def saved_report(folder, name):
    return read_back(save_report(folder, name))


def saved_index(folder, names):
    return json.loads(read_back(save_index(folder, names)))
