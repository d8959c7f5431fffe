import time

import requests


def wait_until_ready(url):
    while requests.get(url, timeout=5).status_code != 200:
        time.sleep(0.5)
    return True
