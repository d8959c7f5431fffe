"""Mocks standing for an object a class keeps, reached through a method that only
returns it (``self.get_users().get_by_id(...)``): a fixture's mock handed to the
class, or made the return value of that method patched (``get_users.return_value
= users``, or ``= directory()``, the mock's own return value). The methods the
code now awaits through it become AsyncMocks where the mock is made; a method
whose result is awaited gives an AsyncMock, so what it returns is awaitable too
(``self.get_users().for_org(org)``); the case's own tests run before and after."""

ROUTES = {
    "GET api.example.com /users/7": (200, {"id": 7, "name": "Ada"}),
}


def drive(run):
    client = run.module("client")
    users = run.call(client.Users)
    team = run.call(client.Team, users, 7)
    run.check("lead", team.lead_name)
    run.check("org lead", team.org_lead_name, "core")
