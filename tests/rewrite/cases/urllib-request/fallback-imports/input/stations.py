import json

try:
    from urllib.request import urlopen
except ImportError:  # Python 2
    from urllib2 import urlopen


def station(url):
    with urlopen(url, timeout=10) as response:
        return json.loads(response.read())["name"]
