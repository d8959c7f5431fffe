import requests


class Site:
    def __init__(self, base):
        self.base = base
        self._info = None

    def _fetch(self, field):
        if self._info is None:
            self._info = requests.get(f"{self.base}/info", timeout=5).json()
        return self._info[field]

    @property
    def version(self):
        return self._fetch("version")

    @property
    def name(self):
        return self._fetch("name")

    def preload(self):
        for attr in ("version", "name"):
            getattr(self, attr)
        return self._info


class Extension:
    def __init__(self, data):
        self.version = data["version"]
        self.name = data["name"]


def label(thing):
    # thing may be a Site or an Extension: its type is not known here.
    return f"{thing.name} {thing.version}"


def preloaded(base):
    return Site(base).preload()


def site_label(base):
    return label(Site(base))


def extension_label(data):
    return label(Extension(data))
