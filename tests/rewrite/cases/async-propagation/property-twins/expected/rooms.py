import httpx

from _async_helpers import TLS_CONTEXT, block_on

BASE = "http://chat.example.com"


class Room:
    def __init__(self, room_id, name=None):
        self.room_id = room_id
        self.name = name

    async def members(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (
                await http_client.get(f"{BASE}/rooms/{self.room_id}/members", timeout=5)
            ).json()

    async def adisplay_name(self):
        if self.name:
            return self.name
        return ", ".join(await self.members())

    @property
    def display_name(self):
        return block_on(self.adisplay_name())


class Hub:
    def __init__(self):
        self.rooms = {}

    def room(self, room_id, name=None):
        self.rooms[room_id] = Room(room_id, name)
        return self.rooms[room_id]

