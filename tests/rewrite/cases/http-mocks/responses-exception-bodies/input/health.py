import requests


def ping(base):
    try:
        r = requests.get(base + "/ping", timeout=2)
    except requests.exceptions.ConnectTimeout:
        return "connect-timeout"
    except requests.exceptions.ReadTimeout:
        return "read-timeout"
    except requests.exceptions.ConnectionError:
        return "down"
    return r.text if r.ok else f"{r.status_code}"
