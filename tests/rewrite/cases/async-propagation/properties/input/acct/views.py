from .models import Account


def card(base, user_id):
    account = Account(base, user_id)
    return {
        "name": account.display_name,
        "theme": account.theme(),
        "lang": account.settings["lang"],
    }


def greeting(account: Account):
    return "Hello " + account.profile["name"]
