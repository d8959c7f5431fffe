"""A room kept in its client's dict (``self.rooms[room_id] = room``, ``room`` an
instance just made) is no class used as a value: the client it is given is
still known, so ``User(self.client.api, ...)`` hands each user the client's
Api, and ``User.display_name`` awaits it as ``Client.user`` does."""

ROUTES = {
    "GET chat.example.com /profile/ann": (200, {"name": "Ann"}),
    "GET chat.example.com /profile/gone": (404, {"error": "no such user"}),
}


def drive(run):
    client = run.module("client")
    run.check("a member's name", client.member_name, "r1", "ann")
    run.check("a missing member", client.member_name, "r1", "gone")
    run.check("a user's name", lambda: client.Client().user("ann").display_name())
