from api import Api
from room import Room
from user import User


class Client:
    def __init__(self):
        self.api = Api()
        self.rooms = {}

    def join(self, room_id):
        room = Room(self, room_id)
        self.rooms[room_id] = room
        return room

    def user(self, user_id):
        return User(self.api, user_id)


async def member_name(room_id, user_id):
    return await Client().join(room_id).member(user_id).display_name()
