from user import User


class Room:
    def __init__(self, client, room_id):
        self.client = client
        self.room_id = room_id

    def member(self, user_id):
        return User(self.client.api, user_id)
