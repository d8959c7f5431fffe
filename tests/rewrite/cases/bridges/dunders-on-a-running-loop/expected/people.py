import httpx

from _async_helpers import TLS_CONTEXT, block_on, collect

API = "http://people.example.com"


async def get(path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(API + path, timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


class UserRef:
    def __init__(self, uid):
        self.uid = uid

    def __eq__(self, other):
        return block_on(get(f"/users/{self.uid}"))["name"] == other

    def __str__(self):
        return block_on(get(f"/users/{self.uid}"))["name"]


class LazyUser:
    def __init__(self, uid):
        self.uid = uid

    def __getattr__(self, name):
        data = block_on(get(f"/users/{self.uid}"))
        if name not in data:
            raise AttributeError(name)
        return data[name]


class Team:
    def __init__(self, tid):
        self.tid = tid

    async def __aiter__(self):
        for item in (await get(f"/teams/{self.tid}"))["members"]:
            yield item

    def __iter__(self):
        return iter(block_on(collect(self.__aiter__())))

    async def alen(self):
        return len((await get(f"/teams/{self.tid}"))["members"])

    def __len__(self):
        return block_on(self.alen())


async def greeting(uid):
    profile = await get(f"/users/{uid}")
    ref = UserRef(uid)
    return f"{profile['name']} is {ref}: {ref == profile['name']}"


async def lazy_email(uid):
    await get(f"/users/{uid}")
    return LazyUser(uid).email


async def team_summary(tid, teams):
    lead = await get(f"/teams/{tid}/lead")
    team = teams[tid]
    return lead["name"], "Ada" in team, bool(team), list(team)
