"""A module-level session logged in by one call and used by the next: the
header set after the login and the cookie the login answered with hold on the
client a later event loop makes (each Flask request runs on its own)."""

ROUTES = {
    "POST accounts.example.com /login": (200, {"token": "t1"}, {"Set-Cookie": "sid=s1; Path=/"}),
    "GET accounts.example.com /me": (200, {"name": "bot"}),
}


def drive(run):
    accounts = run.module("accounts")
    run.check("log in", accounts.log_in, "bot", "pw")
    run.check("who am I, on the next loop", accounts.me)
    run.check("and the one after", accounts.me)
