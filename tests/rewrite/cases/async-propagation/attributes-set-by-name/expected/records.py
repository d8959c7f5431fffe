class Record:
    """Fields load from the API on first read; setting one is refused."""

    def __init__(self, client, ident):
        self._set("_client", client)
        self._set("ident", ident)
        self._set("_loaded", None)

    def _set(self, name, value):
        """Set without going through the refusing __setattr__."""
        object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"{name} is read-only")

    async def load(self):
        if self._loaded is None:
            self._set("_loaded", await self._client.get(f"/records/{self.ident}"))
        return self._loaded


class Frozen:
    def __init__(self, client, path):
        object.__setattr__(self, "_client", client)
        setattr(self, "path", path)

    def __setattr__(self, name, value):
        raise AttributeError(name)

    async def fetch(self):
        return await self._client.get(self.path)


class Guarded:
    def __init__(self, client):
        super().__setattr__("_client", client)

    def __setattr__(self, name, value):
        raise AttributeError(name)

    async def status(self):
        return (await self._client.get("/status"))["state"]
