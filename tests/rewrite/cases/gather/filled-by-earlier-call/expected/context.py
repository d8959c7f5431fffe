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


async def load_session(ctx):
    ctx["user_id"] = (await get_json("/session"))["user_id"]


async def remember_team(holder):
    holder.team_id = (await get_json("/session"))["team_id"]


async def fill_ids(ids):
    ids.extend(await get_json("/session/ids"))


async def dashboard():
    ctx = {}
    await load_session(ctx)
    user = await get_json(f"/users/{ctx['user_id']}")
    return user["name"]


class Holder:
    team_id = None


async def team_page(holder):
    await remember_team(holder)
    team = await get_json(f"/teams/{holder.team_id}")
    return team["name"]


async def last_user():
    ids = []
    await fill_ids(ids)
    return (await get_json(f"/users/{ids[-1]}"))["name"]


async def news_and_session():
    ctx = {}
    news, _ = await gather_in_order(
        get_json("/news"),
        load_session(ctx),
    )
    return news["title"], ctx["user_id"]


class Tracker:
    def __init__(self):
        self.sent = 0

    async def get(self, path):
        self.sent += 1
        return await get_json(path)


async def sent_between():
    tracker = Tracker()
    await tracker.get("/users/1")
    return tracker.sent, (await tracker.get("/users/2"))["name"], tracker.sent
