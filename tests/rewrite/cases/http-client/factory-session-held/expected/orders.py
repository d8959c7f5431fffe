from .sessions import API, make_session

SESSION = make_session()


def order(oid):
    return SESSION.get(f"{API}/orders/{oid}").json()


def orders(oids):
    session = make_session()
    return [session.get(f"{API}/orders/{oid}").json() for oid in oids]
