import requests

BASE = "http://chat.example.com"


class Room:
    def __init__(self, room_id, name=None):
        self.room_id = room_id
        self.name = name

    def members(self):
        return requests.get(f"{BASE}/rooms/{self.room_id}/members", timeout=5).json()

    @property
    def display_name(self):
        if self.name:
            return self.name
        return ", ".join(self.members())


class Hub:
    def __init__(self):
        self.rooms = {}

    def room(self, room_id, name=None):
        self.rooms[room_id] = Room(room_id, name)
        return self.rooms[room_id]

