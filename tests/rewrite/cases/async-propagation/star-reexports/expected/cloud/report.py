from asgiref.sync import sync_to_async

from cloud import Client


def server_names():
    client = Client("secret")
    return [server["name"] for server in client.servers()]


async def status(server_id):
    return await Client("secret").servers.status(server_id)


async def summary():
    client = Client("secret")
    return {
        "names": [
            server["name"]
            for server in await sync_to_async(client.servers, thread_sensitive=False)()
        ],
        "first": await status(1),
    }
