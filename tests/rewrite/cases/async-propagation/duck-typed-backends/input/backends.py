import requests

BASE = "https://status.example.com"


class Shortcut:
    def __init__(self, backend):
        self._backend = backend

    def ask(self, name):
        return self._backend.fetch(name)


class Remote:
    def __init__(self, url):
        self.url = url
        self.shortcut = Shortcut(self)

    def call(self, name):
        return requests.get(self.url + "/" + name, timeout=5).json()

    def fetch(self, name):
        return requests.get(self.url + "/" + name, params={"full": 1}, timeout=5).json()


class Local:
    def __init__(self):
        self.shortcut = Shortcut(self)

    def call(self, name):
        return {"local": name}

    def fetch(self, name):
        return {"local": name, "full": True}


def run(backend, name):
    return backend.call(name)


def status(remote=True):
    backend = Remote(BASE) if remote else Local()
    return run(backend, "status")


def version(remote=True):
    backend = Remote(BASE) if remote else Local()
    return backend.call("version")


def asked(remote=True):
    if remote:
        return Remote(BASE).shortcut.ask("status")
    return Local().shortcut.ask("status")
