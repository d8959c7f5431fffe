import requests


class Jenkins:
    def __init__(self, base):
        self.base = base

    @property
    def version(self):
        """The server's version, from its headers."""
        return requests.get(self.base, timeout=5).headers.get("X-Jenkins", "0.0")

    def is_modern(self):
        return self.version >= "2"


class Plugin:
    def __init__(self, data):
        self.version = data["version"]


def describe(thing):
    # thing may be a Plugin or a Jenkins: its type is not known here.
    return f"v{thing.version}"
