"""``self.auth = TokenAuth(t)`` and then ``self.auth.endpoint(url)`` on the branch
that made it: the call is TokenAuth's and awaited (in the async factory the
constructor becomes), though ``self.auth`` is a requests HTTPBasicAuth on the
other branch (it used to be a call the plan held back)."""

ROUTES = {
    "GET accounts.example.com /metadata": (200, {"endpoint": "http://token.example.com/v2"}),
    "GET accounts.example.com /balance": (200, {"balance": 10}),
    "GET token.example.com /v2/balance": (200, {"balance": 12}),
    "GET accounts.example.com /broken": (503, {"error": "down"}),
}
HOSTS = ("token.example.com",)


def drive(run):
    base = run.url("accounts.example.com")
    client = run.module("accounts.client")
    run.check("both", client.both_balances, base, f"{base}/metadata")
    run.check("metadata down", client.both_balances, base, f"{base}/broken")
