"""A session set up by a function other than the one that made it: ``auth``,
``params`` and headers hold for the clients of every later event loop (each
Flask request runs on its own); ``verify`` and ``trust_env``, which httpx takes
only when a client is made, stay as comments under a TODO."""

ROUTES = {
    "GET directory.example.com /people/7?lang=en": (200, {"id": 7, "name": "Ada"}),
    "GET directory.example.com /people/7": (200, {"id": 7, "name": "Ada"}),
}


def drive(run):
    directory = run.module("directory")
    run.check("set up", directory.configure, "bot", "pw", "en")
    run.check("a person, on the next loop", directory.person, 7)
    run.check("and again", directory.person, 7)
    client = run.call(directory.directory, "t1")
    run.check("signed in, on the next loop", client.person, 7)
