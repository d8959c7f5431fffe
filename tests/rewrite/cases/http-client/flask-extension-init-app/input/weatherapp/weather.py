import requests


class WeatherClient:
    def __init__(self, app=None):
        self.session = None
        self.base = None
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        self.base = app.config["WEATHER_URL"]
        self.session = requests.Session()
        self.session.headers["X-Key"] = app.config["WEATHER_KEY"]
        app.extensions["weather"] = self

    def current(self, city):
        r = self.session.get(f"{self.base}/current/{city}", timeout=5)
        r.raise_for_status()
        return r.json()

    def several(self, cities):
        return {city: self.current(city)["temp"] for city in cities}


weather = WeatherClient()
