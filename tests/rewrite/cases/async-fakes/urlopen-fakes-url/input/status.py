import urllib.error
import urllib.request


def is_up(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except urllib.error.URLError:
        return False
