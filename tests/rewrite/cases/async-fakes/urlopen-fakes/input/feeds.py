import json
import urllib.error
import urllib.request

USER_AGENT = "feeds/1.0"


def latest(base, feed):
    req = urllib.request.Request(f"{base}/feeds/{feed}", headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.load(resp)["entries"][0]
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise


def post_entry(base, feed, title):
    body = json.dumps({"title": title}).encode()
    req = urllib.request.Request(
        f"{base}/feeds/{feed}", data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(req) as resp:
        return resp.status
