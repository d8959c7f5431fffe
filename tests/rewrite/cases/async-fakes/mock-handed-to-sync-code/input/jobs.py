import threading
import time

import requests

API = "https://ci.example.com"


class Build:
    def __init__(self, number):
        self.number = number

    def wait(self, poll=0.01):
        while True:
            state = requests.get(f"{API}/builds/{self.number}", timeout=5).json()
            if state["done"]:
                return state["result"]
            time.sleep(poll)


def watch(interval, check, stop_event: threading.Event):
    while not stop_event.wait(timeout=interval):
        check()


def start_watching(interval, check):
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(interval, check, stop), daemon=True)
    thread.start()
    return stop
