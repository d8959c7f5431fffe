import requests

API = "http://registry.example.com"


def exists(name):
    response = requests.get(f"{API}/packages/{name}", timeout=5)
    if response.status_code == 404:
        return False
    response.raise_for_status()
    return True


def info(name):
    response = requests.get(f"{API}/packages/{name}", timeout=5)
    response.raise_for_status()
    return response.json()


def published(names):
    return [name for name in names if exists(name)]


def popular(names, floor):
    found = {name.lower() for name in names if info(name)["downloads"] >= floor}
    return sorted(found)


def from_lines(lines):
    names = (line.strip() for line in lines)
    kept = [name for name in names if not exists(name)]
    return kept


def named_only(names):
    return [name for name in names if name and exists(name)]
