import requests

BASE = "https://status.example.com"


class Remote:
    def __init__(self, url):
        self.url = url

    def call(self, name):
        return requests.get(self.url + "/" + name, timeout=5).json()


class Local:
    def call(self, name):
        return {"local": name}


def run(backend, name):
    return backend.call(name)


def status(remote=True):
    backend = Remote(BASE) if remote else Local()
    return run(backend, "status")


def version(remote=True):
    backend = Remote(BASE) if remote else Local()
    return backend.call("version")
