import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class WeatherClient:
    def __init__(self, app=None):
        self.session = None
        self.base = None
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        self.base = app.config["WEATHER_URL"]

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["X-Key"] = app.config["WEATHER_KEY"]
            return session

        self.session = AsyncClientPerLoop(_new_session)
        app.extensions["weather"] = self

    async def current(self, city):
        r = await self.session.get(f"{self.base}/current/{city}", timeout=5)
        if r.is_error:
            r.raise_for_status()
        return r.json()

    async def several(self, cities):
        cities = list(cities)
        currents = await gather_in_order(
            (self.current(city) for city in cities), limit=10
        )
        return {city: current["temp"] for city, current in zip(cities, currents)}


weather = WeatherClient()
