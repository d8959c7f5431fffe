import threading

import requests


def refresh(url):
    requests.post(url, timeout=5)


def start(url):
    refresh(url)
    thread = threading.Thread(target=refresh, args=(url,))
    thread.start()
    return thread
