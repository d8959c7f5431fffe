class Town:
    def __init__(self, region, name):
        self.region = region
        self.name = name

    async def forecast(self, days=1):
        found = await self.region.source.lookup(
            f"/towns/{self.name}/forecast", days=days
        )
        return found["summary"]
