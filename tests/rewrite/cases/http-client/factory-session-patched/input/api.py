from sessions import make_session

API = "https://api.example.com"


class Catalogue:
    def __init__(self, token):
        self.session = make_session(token)

    def item(self, iid):
        return self.session.get(f"{API}/items/{iid}").json()


def price(iid):
    session = make_session("public")
    try:
        return session.get(f"{API}/prices/{iid}").json()["amount"]
    finally:
        session.close()


def stock(session, iid):
    return session.get(f"{API}/stock/{iid}").json()["count"]
