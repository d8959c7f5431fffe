class Handler:
    def __init__(self, api):
        self.api = api

    async def delete(self, item):
        return await self.api._delete(f"/{self.api.kind}/{item}")
