import time

import requests

API = "https://ci.example.com/api"


def build_status(build_id):
    response = requests.get(f"{API}/builds/{build_id}", timeout=5)
    response.raise_for_status()
    return response.json()["state"]


def wait_for_build(build_id, interval=0.01, max_polls=5):
    for _ in range(max_polls):
        state = build_status(build_id)
        if state in ("passed", "failed"):
            return state
        time.sleep(interval)
    raise TimeoutError(build_id)
