import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order

API = "http://people.example.com"


async def get_json(path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(API + path, timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def profile(data):
    user_url = f"/users/{data['user_id']}"
    team_url = "/teams/" + str(int(data["team_id"]))
    user, team = await gather_in_order(
        get_json(user_url),
        get_json(team_url),
    )
    return user["name"], team["name"]


async def pair(ids):
    first_url = "/users/" + ids[0]
    second_url = "/users/" + ids[1]
    first, second = await gather_in_order(
        get_json(first_url),
        get_json(second_url),
    )
    return [first["name"], second["name"]]


class Directory:
    def __init__(self, teams):
        self.teams = teams

    async def leads(self, first, second):
        one_lead = self.teams[first]["lead"]
        other_lead = self.teams[second]["lead"]
        one, other = await gather_in_order(
            get_json(one_lead),
            get_json(other_lead),
        )
        return one["name"], other["name"]


async def memberships(rows):
    async def fetch_json(row):
        user = await get_json(f"/users/{row['user']}")
        team = await get_json(f"/teams/{row['team']}")
        return (user["name"], team["name"])

    found = await gather_in_order((fetch_json(row) for row in rows), limit=10)
    return found
