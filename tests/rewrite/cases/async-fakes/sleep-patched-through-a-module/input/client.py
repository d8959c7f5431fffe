import time

import requests


def fetch_with_retry(url, tries=3, pause=5):
    for attempt in range(tries):
        response = requests.get(url, timeout=5)
        if response.status_code != 503 or attempt == tries - 1:
            return response.status_code
        time.sleep(pause)
