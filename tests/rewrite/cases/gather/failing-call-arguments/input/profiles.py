import requests

API = "http://people.example.com"


def get_json(path):
    response = requests.get(API + path, timeout=5)
    response.raise_for_status()
    return response.json()


def profile(data):
    user = get_json(f"/users/{data['user_id']}")
    team = get_json("/teams/" + str(int(data["team_id"])))
    return user["name"], team["name"]


def pair(ids):
    first = get_json("/users/" + ids[0])
    second = get_json("/users/" + ids[1])
    return [first["name"], second["name"]]


class Directory:
    def __init__(self, teams):
        self.teams = teams

    def leads(self, first, second):
        one = get_json(self.teams[first]["lead"])
        other = get_json(self.teams[second]["lead"])
        return one["name"], other["name"]


def memberships(rows):
    found = []
    for row in rows:
        user = get_json(f"/users/{row['user']}")
        team = get_json(f"/teams/{row['team']}")
        found.append((user["name"], team["name"]))
    return found
