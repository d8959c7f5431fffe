from .base import BaseAPI, SessionAPI


class Users(BaseAPI):
    path = "users"

    async def get(self, user_id):
        return await self._request("GET", f"/{user_id}")

    async def create(self, **fields):
        return await self._request("POST", json=fields)


class Groups(SessionAPI):
    path = "groups"

    async def list(self):
        return await self._get()
