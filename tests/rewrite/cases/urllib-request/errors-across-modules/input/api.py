import json
from urllib.request import Request, urlopen

BASE = "https://shop.example.com"


def fetch_item(item_id):
    with urlopen(f"{BASE}/items/{item_id}", timeout=5) as resp:
        return json.load(resp)


def download(item_id):
    request = Request(f"{BASE}/items/{item_id}/file")
    request.add_header("Accept", "application/octet-stream")
    with urlopen(request, timeout=5) as resp:
        return resp.read()
