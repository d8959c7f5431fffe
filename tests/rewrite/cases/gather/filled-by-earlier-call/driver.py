"""A call that fills what it is handed (a dict, an object's attribute, a
list, a count it keeps) before a call that reads it: the second needs the
first, so they stay in order; a call before them that reads nothing they change runs with the
first."""

ROUTES = {
    "GET people.example.com /session": (200, {"user_id": 2, "team_id": 7}),
    "GET people.example.com /session/ids": (200, [1, 2]),
    "GET people.example.com /users/1": (200, {"name": "Ada"}),
    "GET people.example.com /users/2": (200, {"name": "Grace"}),
    "GET people.example.com /teams/7": (200, {"name": "compilers"}),
    "GET people.example.com /news": (200, {"title": "hello"}),
}


def drive(run):
    context = run.module("context")
    run.check("dashboard", context.dashboard)
    run.check("team page", context.team_page, context.Holder())
    run.check("last user", context.last_user)
    run.check("news and session", context.news_and_session)
    run.check("sent between", context.sent_between)
