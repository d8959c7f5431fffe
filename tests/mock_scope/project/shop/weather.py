import requests

API = "https://weather.example.test"


def forecast(city):
    resp = requests.get(f"{API}/v1/forecast", params={"city": city}, timeout=5)
    resp.raise_for_status()
    return resp.json()


def warmest(cities):
    temps = {}
    for city in cities:
        temps[city] = forecast(city)["temp"]
    return max(temps, key=temps.get)
