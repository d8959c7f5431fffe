import requests


def temperature(city):
    response = requests.get(f"http://wx.test/current/{city}", timeout=3)
    if response.status_code == 404:
        return None
    response.raise_for_status()
    return response.json()["temp"]
