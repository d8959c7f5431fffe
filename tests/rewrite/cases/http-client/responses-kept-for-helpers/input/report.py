import requests

from lib import utils


def fetch_report(url):
    resp = requests.get(url, stream=True, timeout=5)
    return utils.response_content(resp)


def fetch_with_index(url):
    index = requests.get(url + "/index", timeout=5).json()
    resp = requests.get(url + "/report", stream=True, timeout=5)
    return index, utils.response_content(resp)


def _streamed(url):
    return requests.get(url, stream=True, timeout=5)


def fetch_through_a_function(url):
    return utils.response_content(_streamed(url))
