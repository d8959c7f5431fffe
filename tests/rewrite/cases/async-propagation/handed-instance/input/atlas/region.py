"""Objects that keep the client they were given: this module never names it."""

from .town import Town


class Region:
    def __init__(self, source, code):
        self.source = source
        self.code = code

    def population(self):
        return self.source.lookup(f"/regions/{self.code}")["population"]

    def neighbours(self):
        borders = self.source.lookup(f"/regions/{self.code}/borders")["codes"]
        return [Region(self.source, code) for code in borders]

    def capital(self):
        name = self.source.lookup(f"/regions/{self.code}")["capital"]
        return Town(self, name)
