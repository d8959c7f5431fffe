"""An opener (``build_opener()``, here through a compat module) has no httpx twin:
its ``open`` runs on a worker thread (``sync_to_async``) once the function
calling it becomes async, here for its retry pause, rather than blocking the
loop; so does reading the response it gives (``opener.open(req).read()``,
``response.read()``), whose body is large enough to wait on the socket."""

ROUTES = {
    "GET tunes.example.com /artist/1": (200, {"name": "Nina"}),
    "GET tunes.example.com /artist/2": (404, {"error": "no such artist"}),
    "GET tunes.example.com /artist/3": (503, {"error": "busy"}),
    "GET tunes.example.com /artist/1/albums": (
        200,
        [{"title": f"Album {n}", "notes": "liner notes " * 40} for n in range(2000)],
    ),
}


def drive(run):
    api = run.module("tunes.api")
    api.BASE = run.url("tunes.example.com")
    run.check("found", api.artist, 1)
    run.check("missing", api.artist, 2)
    run.check("busy, retried", api.artist, 3)
    run.check("albums read whole", api.albums, 1)

GC_WARNS = {
    # urllib's HTTPError raised in sync_to_async's thread is freed by the garbage
    # collector (its traceback holds asgiref's frames), not when the handler ends.
    "unclosed <socket.socket [closed]": "an HTTPError of the bridged open, freed by gc",
}
