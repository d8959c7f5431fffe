import teams


def team_size(team):
    return len(teams.session().get(f"{teams.BASE}/teams/{team}/members").json())
