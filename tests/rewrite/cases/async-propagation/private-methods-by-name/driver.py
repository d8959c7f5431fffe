"""A private method name (``_delete``) some library class also has
(``threading.Thread._delete``) is no library API: ``client._delete()`` on a
client of unknown type is taken for the project's ``_delete`` and awaited."""

ROUTES = {
    "GET mail.example.com /lists/l1": (200, {"id": "l1", "name": "News"}),
    "GET mail.example.com /lists/l2": (200, {"id": "l2", "name": "Offers"}),
    "DELETE mail.example.com /lists/l1": (200, {"deleted": "l1"}),
    "DELETE mail.example.com /lists/gone": (404, {"error": "no such list"}),
}


def drive(run):
    client = run.module("mail.client").MailClient(run.url("mail.example.com"))
    lists = run.module("mail.lists")
    run.check("names", lists.names, client, ["l1", "l2"])
    run.check("purged", lists.purge, client, ["l1"])
    run.check("missing", lists.purge, client, ["l1", "gone"])
