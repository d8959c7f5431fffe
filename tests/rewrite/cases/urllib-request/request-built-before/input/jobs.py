import json
import urllib.parse
import urllib.request
from urllib.error import HTTPError

BASE = "https://jobs.example.com"


def call(method, path, payload=None):
    data = json.dumps(payload).encode() if payload is not None else None
    # The service wants JSON both ways.
    req = urllib.request.Request(
        BASE + path,
        data=data,
        method=method,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.load(resp)
    except HTTPError as err:
        if err.code == 404:
            return None
        raise


def submit(name):
    return call("POST", "/jobs", {"name": name})["id"]


def report(path):
    request = urllib.request.Request(BASE + path, data=b"report=1")
    return urllib.request.urlopen(request, timeout=5).read().decode()


def post_form(path, fields):
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(BASE + path, data=body, method="POST")
    with urllib.request.urlopen(request, timeout=5) as resp:
        return resp.read().decode()
