import requests


class WeatherClient:
    def __init__(self, base_url):
        self.base_url = base_url
        self.session = requests.Session()

    def current(self, city):
        r = self.session.get(f"{self.base_url}/current/{city}")
        r.raise_for_status()
        return r.json()
