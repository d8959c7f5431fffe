"""Objects that keep the client they were given: this module never names it."""

from .town import Town


class Region:
    def __init__(self, source, code):
        self.source = source
        self.code = code

    async def population(self):
        return (await self.source.lookup(f"/regions/{self.code}"))["population"]

    async def neighbours(self):
        borders = (await self.source.lookup(f"/regions/{self.code}/borders"))["codes"]
        return [Region(self.source, code) for code in borders]

    async def capital(self):
        name = (await self.source.lookup(f"/regions/{self.code}"))["capital"]
        return Town(self, name)
