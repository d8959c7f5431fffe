"""verify=, cookies= on one call: options of a one-off client."""

ROUTES = {"GET api.example.com /me": (200, {"me": True})}


def drive(run):
    options = run.module("options")
    url = run.url("api.example.com") + "/me"
    run.check("insecure", options.fetch_insecure, url)
    run.check("cookies", options.fetch_with_cookies, url, {"session": "abc"})
