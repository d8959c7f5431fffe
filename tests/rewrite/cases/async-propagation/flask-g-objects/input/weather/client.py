import requests


class WeatherClient:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def current(self, city):
        response = self.session.get(f"{self.base}/current/{city}", timeout=5)
        response.raise_for_status()
        return response.json()

    def close(self):
        self.session.close()
