class Holder:
    def __init__(self, owner, name):
        self.owner = owner
        self.name = name

    async def load(self):
        return await self.owner.fetch("/items/" + self.name)

    async def label(self):
        return f"{self.name}: {(await self.load())['title']}"
