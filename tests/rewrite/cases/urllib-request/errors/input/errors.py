import json
import socket
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

BASE = "https://api.example.com"


def fetch_or_reason(url):
    try:
        with urlopen(url, timeout=5) as resp:
            return json.load(resp)
    except HTTPError as err:
        return {"status": err.code, "body": json.loads(err.read())}
    except URLError:
        return {"status": None}


def reachable(url):
    try:
        urlopen(url, timeout=5)
    except URLError:
        return False
    return True


def fetch_item(item_id):
    return fetch_or_reason(f"{BASE}/items/{item_id}")


def failed_url(url):
    try:
        urlopen(url, timeout=5)
    except HTTPError as err:
        return err.url == err.geturl(), err.url.rsplit("/", 1)[-1]
    return None


def fetch_quickly(url):
    try:
        with urlopen(url, timeout=0.3) as resp:
            return json.load(resp)
    except socket.timeout:
        return "timed out"
    except URLError:
        return "unreachable"
