from .sessions import API, make_public_session, make_session

SESSION = make_session("shop", "secret")


def order(oid):
    return SESSION.get(f"{API}/orders/{oid}").json()


def orders(oids):
    session = make_session("shop", "secret")
    return [session.get(f"{API}/orders/{oid}").json() for oid in oids]


def by_total(oids):
    session = make_public_session()
    return sorted(oids, key=lambda oid: session.get(f"{API}/orders/{oid}").json()["id"])


def public_order(oid):
    session = make_public_session()
    return session.get(f"{API}/orders/{oid}").json()
