import requests

BASE = "https://api.example.com"


def fetch(path):
    response = requests.get(f"{BASE}{path}", timeout=5)
    if response.status_code == 202:
        raise requests.HTTPError("not ready yet")
    response.raise_for_status()
    return response.json()


def describe(path):
    try:
        return {"data": fetch(path)}
    except requests.HTTPError as exc:
        sent = exc.request
        return {"status error": sent.method if sent is not None else None}
    except requests.RequestException as exc:
        sent = exc.request
        return {"failed": sent.method if sent is not None else None}


async def page(path):
    return describe(path)
