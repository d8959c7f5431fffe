"""Calls to the upstream weather service."""

import requests
from flask import current_app


class UpstreamError(Exception):
    pass


def fetch_forecast(city):
    url = f"{current_app.config['WEATHER_URL']}/forecast/{city}"
    try:
        resp = requests.get(url, timeout=current_app.config["WEATHER_TIMEOUT"])
    except requests.RequestException as exc:
        raise UpstreamError(str(exc)) from exc
    if resp.status_code == 404:
        return None
    if not resp.ok:
        raise UpstreamError(f"upstream answered {resp.status_code}")
    return resp.json()


def fetch_alerts(region):
    url = f"{current_app.config['WEATHER_URL']}/alerts"
    resp = requests.get(url, params={"region": region}, timeout=current_app.config["WEATHER_TIMEOUT"])
    resp.raise_for_status()
    return resp.json()["alerts"]
