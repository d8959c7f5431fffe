"""A test puts its own MagicMock on an attribute of the object under test
(``service._library = library``) and configures what its methods return;
the service now awaits ``self._library.upload(...)``, so the mock gets
``upload`` as an AsyncMock, answering the await with the same value (by
what the service's class awaits on that attribute: another class's
``upload``, Drafts', stays sync)."""

ROUTES = {
    "POST photos.example.com /upload/new.jpg": (200, {"id": "p-9"}),
    "POST photos.example.com /upload/old.jpg": (409, {"error": "exists"}),
}


def drive(run):
    photos = run.module("photos")
    run.check("new", photos.add_to_new_album, "new.jpg", {"size": 3})
    run.check("duplicate", photos.add_to_new_album, "old.jpg", {"size": 3})
