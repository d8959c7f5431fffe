from .client import WeatherClient
from .errors import WeatherError, NotFound

__all__ = ["WeatherClient", "WeatherError", "NotFound"]
