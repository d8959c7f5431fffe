import requests


class WeatherError(Exception):
    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


class NotFound(WeatherError):
    pass


def raise_for(response):
    try:
        response.raise_for_status()
    except requests.HTTPError as exc:
        if exc.response.status_code == 404:
            raise NotFound("not found", 404) from exc
        raise WeatherError(str(exc), exc.response.status_code) from exc
