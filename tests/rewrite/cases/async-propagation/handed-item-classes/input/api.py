from client import Client
from models import Listing, Search, User


def user_names(base):
    return [user.data["name"] for user in Listing(Client(base), "/users", User).items()]


def order_totals(base):
    users = Listing(Client(base), "/users", User).items()
    return {user.data["name"]: [o.total for o in user.orders()] for user in users}


def refreshed_first(base, term):
    user = Search(Client(base), f"/search?q={term}", User).first()
    return user.refresh()["name"] if user else None


def raw_names(base):
    return [model.refresh()["name"] for model in Listing(Client(base), "/users").items()]
