import csv
import io
from urllib.request import Request, urlopen

BASE = "https://feeds.example.com"


def rows(path):
    resp = urlopen(f"{BASE}{path}", timeout=5)
    return list(csv.reader(io.TextIOWrapper(resp, encoding="utf-8")))


def signed(path, token):
    request = Request(f"{BASE}{path}", headers={"Authorization": token})
    request.add_header("Accept", "text/plain")
    with urlopen(request) as resp:
        return resp.read().decode()


def count(path):
    return len(urlopen(f"{BASE}{path}").read())


async def summary(path):
    return {"rows": rows(path), "size": count(path)}
