class User:
    def __init__(self, api, user_id):
        self.api = api
        self.user_id = user_id

    async def display_name(self, room=None):
        return await self.api.display_name(self.user_id)
