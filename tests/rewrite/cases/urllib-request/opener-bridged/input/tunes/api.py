import json
import time

from tunes import compat

BASE = "http://tunes.example.com"


def _safe_read(opener, req, retries=3, delay=0.01):
    """Open the request, retrying a server error after a pause."""
    for attempt in range(retries):
        try:
            return opener.open(req).read()
        except compat.HTTPError as error:
            if error.code < 500 or attempt == retries - 1:
                raise
            time.sleep(delay * (attempt + 1))
    raise RuntimeError("not reached")


def artist(artist_id):
    opener = compat.build_opener()
    req = compat.Request(f"{BASE}/artist/{artist_id}", headers={"Accept": "application/json"})
    return json.loads(_safe_read(opener, req))["name"]


def _read_all(opener, url, pause=0.01):
    """Read a whole listing, after a pause for the rate limit."""
    time.sleep(pause)
    response = opener.open(compat.Request(url))
    body = response.read()
    return json.loads(body)


def albums(artist_id):
    opener = compat.build_opener()
    listing = _read_all(opener, f"{BASE}/artist/{artist_id}/albums")
    again = json.loads(_safe_read(opener, compat.Request(f"{BASE}/artist/{artist_id}/albums")))
    return [album["title"] for album in listing] == [album["title"] for album in again]
