from .sessions import API, make_session

SESSION = make_session("shop", "secret")


def order(oid):
    return SESSION.get(f"{API}/orders/{oid}").json()


def orders(oids):
    session = make_session("shop", "secret")
    return [session.get(f"{API}/orders/{oid}").json() for oid in oids]
