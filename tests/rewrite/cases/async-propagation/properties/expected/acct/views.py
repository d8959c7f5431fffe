from ._async_helpers import gather_in_order
from .models import Account


async def card(base, user_id):
    account = Account(base, user_id)
    name, theme, settings = await gather_in_order(
        account.display_name(),
        account.theme(),
        account.settings(),
    )
    return {
        "name": name,
        "theme": theme,
        "lang": settings["lang"],
    }


async def greeting(account: Account):
    return "Hello " + (await account.profile())["name"]
