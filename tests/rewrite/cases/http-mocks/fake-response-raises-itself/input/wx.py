import requests

BASE = "http://wx.example.com/v1"


def forecast(city):
    try:
        r = requests.get(f"{BASE}/forecast", params={"city": city}, timeout=5)
        r.raise_for_status()
    except requests.exceptions.HTTPError as e:
        if e.response.status_code == 404:
            return []
        raise
    return r.json()["days"]


def status_of(city):
    try:
        requests.get(f"{BASE}/forecast", params={"city": city}, timeout=5).raise_for_status()
    except requests.HTTPError as e:
        return e.response.status_code
    return 200
