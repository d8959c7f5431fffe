import requests

BASE = "http://weather"


def current(city):
    return requests.get(f"{BASE}/now/{city}", timeout=5).json()


def forecast(city, days=3):
    return requests.get(f"{BASE}/forecast/{city}", params={"days": days}, timeout=5).json()


def cards(cities):
    return [{"city": city, "now": current(city), "week": forecast(city, 7)} for city in cities]


def pairs(cities):
    return [(current(city), forecast(city)) for city in cities]


def spread(cities):
    temps = {city: (current(city)["temp"], forecast(city)["high"]) for city in cities}
    return {city: high - now for city, (now, high) in temps.items()}
