from client import Client


def compare(bases, path):
    def make(base):
        return Client(base)

    made = [make(base) for base in bases]
    versions = {}
    for client, base in zip(made, bases):
        versions[base] = client.get(path)["version"]
    for client in made:
        client.close()
    return versions


def first_of(bases, path):
    def make(base):
        return Client(base)

    primary = make(bases[0])
    try:
        return primary.get(path)["version"]
    finally:
        primary.close()


def indexed(bases, path):
    clients = [Client(base) for base in bases]
    found = []
    for i, client in enumerate(clients):
        found.append((i, client.get(path)["version"]))
        client.close()
    return found, all(client.closed for client in clients)
