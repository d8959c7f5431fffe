import requests

BASE = "https://api.example.com"
_SESSION = None


def get_session():
    global _SESSION
    if _SESSION is None:
        _SESSION = requests.Session()
        _SESSION.headers["X-Weather-Client"] = "1"
        _SESSION.params = {"units": "metric"}
    return _SESSION


def forecast(city):
    r = get_session().get(f"{BASE}/forecast/{city}")
    r.raise_for_status()
    return r.json()


def forecasts(cities):
    return {city: forecast(city)["temp"] for city in cities}
