from cloud import Client

from ._async_helpers import gather_in_order


async def server_names():
    client = Client("secret")
    return [server["name"] for server in await client.servers()]


async def status(server_id):
    return await Client("secret").servers.status(server_id)


async def summary():
    client = Client("secret")
    servers, first = await gather_in_order(
        client.servers(),
        status(1),
    )
    return {"names": [server["name"] for server in servers], "first": first}
