"""A property setter that makes a request takes an async twin (``aset_name``):
``account.name = v`` in code that becomes async is ``await
account.aset_name(v)``, and the setter stays, bridging sync code to the twin.
A generator's result held in a local and looped over is looped with ``async for``."""

ROUTES = {
    "PUT acct.example.com /account": (200, {"name": "new"}),
    "POST acct.example.com /plan": (200, {}),
    "GET acct.example.com /events?page=1": (200, {"events": [{"kind": "signup"}], "next": 2}),
    "GET acct.example.com /events?page=2": (
        200,
        {"events": [{"kind": "login"}, {"kind": "logout"}], "next": None},
    ),
}


def drive(run):
    base = run.url("acct.example.com")
    client = run.module("acct.client")
    run.check("rename", client.rename, base, "new")
    run.check("upgrade", lambda: client.upgrade(client.Account(base, "old"), "pro"))

    def from_sync_code():
        account = client.Account(base, "old")
        account.plan = "team"
        return account.plan

    run.check("set from sync code", from_sync_code)
    run.answer("POST acct.example.com /plan", 402, {"error": "payment required"})
    run.check("a refused plan", lambda: client.upgrade(client.Account(base, "old"), "gold"))
