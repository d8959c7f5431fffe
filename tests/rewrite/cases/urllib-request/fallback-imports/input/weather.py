import json

try:
    # Python 3
    import urllib.request as urllib
    from urllib.error import HTTPError
    from urllib.parse import urlencode
except ImportError:
    # Python 2
    import urllib2 as urllib
    from urllib import urlencode
    from urllib2 import HTTPError

BASE = "http://weather.example.com"


def current(city):
    url = f"{BASE}/current?{urlencode({'city': city})}"
    try:
        with urllib.urlopen(url, timeout=10) as response:
            return json.loads(response.read())
    except HTTPError as error:
        return {"city": city, "error": error.code}


def forecast(cities):
    return {city: current(city).get("temp") for city in cities}
