from acct.client import Account, rename, upgrade

BASE = "http://acct.example.com"


def test_rename():
    assert rename(BASE, "new") == ("new", ["signup", "login", "logout"])


def test_upgrade():
    account = Account(BASE, "old")
    assert upgrade(account, "pro") == "pro"

