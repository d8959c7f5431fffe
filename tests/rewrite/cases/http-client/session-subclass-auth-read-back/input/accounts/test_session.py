from accounts.session import Account, ApiSession

ROOT = "http://api.example.com/v1"


def test_login_keeps_the_credentials():
    session = ApiSession(ROOT)
    session.login("ada", "secret")
    assert session.auth == ("ada", "secret")


def test_anonymous():
    assert Account(ROOT).user is None


def test_profile_of_the_logged_in_user():
    account = Account(ROOT, "ada", "secret")
    assert account.user == "ada"
    assert account.name() == "Ada"
