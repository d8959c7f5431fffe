from cloud import Client


def server_names():
    client = Client("secret")
    return [server["name"] for server in client.servers()]


def status(server_id):
    return Client("secret").servers.status(server_id)


def summary():
    client = Client("secret")
    return {"names": [server["name"] for server in client.servers()], "first": status(1)}
