import teams


async def team_size(team):
    return len((await teams.session().get(f"{teams.BASE}/teams/{team}/members")).json())
