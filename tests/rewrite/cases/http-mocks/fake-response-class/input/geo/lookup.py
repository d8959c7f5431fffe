import requests

API = "http://geo.example.com"


class GeoError(Exception):
    pass


def locate(ip):
    response = requests.get(f"{API}/ip/{ip}", timeout=2)
    if response.status_code == 404:
        raise GeoError(ip)
    response.raise_for_status()
    data = response.json()
    return data["city"], data["country"]


def countries(ips):
    seen = []
    for ip in ips:
        try:
            _, country = locate(ip)
        except GeoError:
            continue
        if country not in seen:
            seen.append(country)
    return seen
