import time as t

import requests


def timed_fetch(url):
    started = t.time()
    resp = requests.get(url, timeout=5)
    t.sleep(0.1)
    return resp.status_code, t.time() - started
