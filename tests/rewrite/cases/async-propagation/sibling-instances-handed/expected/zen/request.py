class Handler:
    def __init__(self, api):
        self.api = api

    async def remove(self, item):
        return await self.api.delete(f"/{self.api.kind}/{item}")
