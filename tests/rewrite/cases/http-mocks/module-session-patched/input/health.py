import requests

SESSION = requests.Session()
SESSION.headers["User-Agent"] = "health/1"


def status_text(url):
    response = SESSION.get(url, timeout=2)
    if not response.ok:
        return "DOWN (%d)" % response.status_code
    return "UP"
