import time

STATE = {"open": 0}


def open_queue(name):
    time.sleep(0.01)
    STATE["open"] += 1
    return {"name": name, "jobs": []}


def close_queue(queue):
    time.sleep(0.01)
    STATE["open"] -= 1
    queue["closed"] = True
