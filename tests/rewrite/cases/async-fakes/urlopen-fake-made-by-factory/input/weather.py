import json
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = "http://weather.example.com"


class UnknownPlace(Exception):
    pass


def _get(path, params, retries=2):
    url = BASE + path + "?" + urllib.parse.urlencode(params)
    for attempt in range(retries + 1):
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                raise UnknownPlace(params) from exc
            if exc.code < 500 or attempt == retries:
                raise
        time.sleep(0.01)


def current(city):
    return _get("/current", {"q": city})["temp"]
