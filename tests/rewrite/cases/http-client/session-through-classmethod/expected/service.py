from dataclasses import dataclass

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop
from http_helpers import fetch_json


@dataclass
class Forecast:
    city: str
    temps: list

    @classmethod
    async def load(cls, service, city):
        data = await fetch_json(service.session, f"{service.base}/forecast", city=city)
        return cls(city, data["temps"])

    @property
    def high(self):
        return max(self.temps)


class WeatherService:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def forecast(self, city):
        return await Forecast.load(self, city)

    async def high(self, city):
        return (await self.forecast(city)).high
