from client import Client


class Pool:
    def __init__(self, urls):
        self.clients = [Client(url) for url in urls]
        self.by_url = {url: Client(url) for url in urls}
        self.spares = []

    def add_spare(self, url):
        self.spares.append(Client(url))

    def states(self):
        return [client.get("/status")["state"] for client in self.clients]

    def state_of(self, url):
        return self.by_url[url].get("/status")["state"]

    def first_state(self):
        return self.clients[0].get("/status")["state"]

    def spare_states(self):
        return [spare.get("/status")["state"] for spare in self.spares]

    def close(self):
        for client in self.clients:
            client.close()
        for client in self.by_url.values():
            client.close()


class ReadOnlyPool(Pool):
    def states(self):
        return sorted(client.get("/status")["state"] for client in self.clients)


def pool_states(urls):
    pool = Pool(urls)
    try:
        return pool.states(), pool.state_of(urls[-1]), pool.first_state()
    finally:
        pool.close()


def spares(urls):
    pool = Pool([])
    for url in urls:
        pool.add_spare(url)
    return pool.spare_states()


def sorted_states(urls):
    return ReadOnlyPool(urls).states()


def pair(a, b):
    return [client.get("/status")["state"] for client in [Client(a), Client(b)]]


def picked(urls, url):
    clients = {each: Client(each) for each in urls}
    chosen = clients.get(url)
    return chosen.get("/status")["state"]


def extended(urls):
    clients = []
    clients.extend(Client(url) for url in urls)
    return [client.get("/status")["state"] for client in clients]


class Slotted:
    client_class = Client

    def __init__(self, base):
        self.client = self.client_class(base)

    def state(self):
        return self.client.get("/status")["state"]


def slotted_state(base):
    return Slotted(base).state()


def sorted_states(urls):
    clients = {url: Client(url) for url in urls}
    return [client.get("/status")["state"] for _, client in sorted(clients.items())]
