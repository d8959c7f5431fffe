"""One-off streamed requests: ``with requests.get(url, stream=True)`` and an
assigned streamed response, read line by line (bytes in requests) or in chunks."""

ROUTES = {
    "GET api.example.com /events": (200, {"id": 1, "kind": "start"}),
    "GET api.example.com /gone": (404, {"error": "gone"}),
}


def drive(run):
    feed = run.module("feed")
    url = run.url("api.example.com")
    run.check("events", feed.events, url + "/events")
    run.check("events, gone", feed.events, url + "/gone")
    run.check("raw lines", feed.raw_lines, url + "/events")
    run.check("first chunk", feed.first_chunk, url + "/events")
    run.check("decoded", feed.decoded, url + "/events")
