import time


def stamp():
    return time.time()


def nap():
    time.sleep(1)
