from store.client import Client
from store.objects import FileManager, TagManager


async def purge_temporary(client: Client):
    removed = []
    for found in await FileManager(client).list():
        if found.name.endswith(".tmp"):
            await found.delete()
            removed.append(found.id)
    return removed


async def rename_first(client: Client, name):
    first = (await FileManager(client).list())[0]
    first.name = name
    await first.update()
    return first.id


async def rename_last(client: Client, name):
    files = await FileManager(client).list()
    files[-1].name = name
    await files[-1].update()
    return files[-1].id


async def drop_tags(client: Client):
    dropped = 0
    for tag in await TagManager(client).list(iterator=True):
        await tag.delete()
        dropped += 1
    return dropped
