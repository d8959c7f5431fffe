"""Responses used as files, and a Request built apart, stay on urllib behind a bridge."""

ROUTES = {
    "GET feeds.example.com /daily.csv": (200, "a,b\n1,2\n"),
    "GET feeds.example.com /private": (200, "secret"),
}


def drive(run):
    feed = run.module("feed")
    run.check("rows", feed.rows, "/daily.csv")
    run.check("signed", feed.signed, "/private", "t0k3n")
    run.check("summary", feed.summary, "/daily.csv")
