"""Annotations naming requests' types: evaluated when the module loads, before and after."""

ROUTES = {
    "GET ledger.example.com /entries/1": (200, {"balance": 12.5}),
    "GET ledger.example.com /entries/2": (404, {"error": "no such entry"}),
}


def drive(run):
    base = run.url("ledger.example.com")
    accounts = run.module("ledger.accounts")
    run.check("balance", accounts.Ledger(base).balance, 1)
    run.check("missing entry", accounts.Ledger(base).balance, 2)
    run.check("no ledger", accounts.open_ledger, "")
