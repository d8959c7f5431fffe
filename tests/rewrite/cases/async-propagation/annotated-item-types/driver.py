"""Objects a base class's method lists, typed only by its return annotation
(``-> Union[RESTObjectList, List[RESTObject]]``, where the list class's
``__next__`` gives ``RESTObject`` too): ``found.delete()`` and
``first.update()`` reach the mixins' methods of every ``RESTObject`` subclass
that has one, so they are awaited, in a loop, on ``list()[0]`` and on the
items of the iterator form."""

ROUTES = {
    "GET files.example.com /files": (200, [{"id": 1, "name": "a.tmp"}, {"id": 2, "name": "b"}]),
    "DELETE files.example.com /files/1": (204, b""),
    "PUT files.example.com /files/1": (200, {"id": 1, "name": "c"}),
    "PUT files.example.com /files/2": (200, {"id": 2, "name": "d"}),
    "GET files.example.com /tags": (200, [{"id": 7, "name": "x"}, {"id": 8, "name": "y"}]),
    "DELETE files.example.com /tags/7": (204, b""),
    "DELETE files.example.com /tags/8": (204, b""),
}


def drive(run):
    cleanup = run.module("cleanup")
    client = run.module("store.client")

    def made():
        return client.Client(run.url("files.example.com"))

    run.check("purge", lambda: run.call(cleanup.purge_temporary, made()))
    run.check("rename", lambda: run.call(cleanup.rename_first, made(), "c"))
    run.check("rename last", lambda: run.call(cleanup.rename_last, made(), "d"))
    run.check("drop tags", lambda: run.call(cleanup.drop_tags, made()))
