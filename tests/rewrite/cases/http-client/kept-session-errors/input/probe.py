import requests


def status(url):
    try:
        return requests.get(url).status_code
    except requests.exceptions.ConnectionError:
        return None
