from .sessions import API, make_session

SESSION = make_session("shop", "secret")


def order(oid):
    return SESSION.get(f"{API}/orders/{oid}").json()


def orders(oids):
    session = make_session("shop", "secret")
    try:
        return [session.get(f"{API}/orders/{oid}").json() for oid in oids]
    finally:
        session.close()


def leaky_order(oid):
    session = make_session("shop", "secret")
    return session.get(f"{API}/orders/{oid}").json()


def first_order(user, password):
    with make_session(user, password) as session:
        return session.get(f"{API}/orders/1").json()


class Store:
    def __init__(self, user, password):
        self.session = make_session(user, password, retries=5)

    def order(self, oid):
        return self.session.get(f"{API}/orders/{oid}").json()
