from store.client import Client
from store.objects import FileManager, TagManager


def purge_temporary(client: Client):
    removed = []
    for found in FileManager(client).list():
        if found.name.endswith(".tmp"):
            found.delete()
            removed.append(found.id)
    return removed


def rename_first(client: Client, name):
    first = FileManager(client).list()[0]
    first.name = name
    first.update()
    return first.id


def rename_last(client: Client, name):
    files = FileManager(client).list()
    files[-1].name = name
    files[-1].update()
    return files[-1].id


def drop_tags(client: Client):
    dropped = 0
    for tag in TagManager(client).list(iterator=True):
        tag.delete()
        dropped += 1
    return dropped
