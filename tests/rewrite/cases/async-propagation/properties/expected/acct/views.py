from .models import Account


async def card(base, user_id):
    account = Account(base, user_id)
    return {
        "name": await account.display_name(),
        "theme": await account.theme(),
        "lang": (await account.settings())["lang"],
    }


async def greeting(account: Account):
    return "Hello " + (await account.profile())["name"]
