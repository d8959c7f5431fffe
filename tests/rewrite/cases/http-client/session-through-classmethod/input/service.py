from dataclasses import dataclass

import requests

from http_helpers import fetch_json


@dataclass
class Forecast:
    city: str
    temps: list

    @classmethod
    def load(cls, service, city):
        data = fetch_json(service.session, f"{service.base}/forecast", city=city)
        return cls(city, data["temps"])

    @property
    def high(self):
        return max(self.temps)


class WeatherService:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def forecast(self, city):
        return Forecast.load(self, city)

    def high(self, city):
        return self.forecast(city).high
