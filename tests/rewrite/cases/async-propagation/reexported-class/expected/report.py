from _async_helpers import gather_in_order
from sdk import API


async def user_name(base, uid):
    async with API(base) as api:
        return (await api.get(f"/users/{uid}"))["name"]


async def two_names(base, first, second):
    api = API(base)
    try:
        first_response, second_response = await gather_in_order(
            api.get(f"/users/{first}"),
            api.get(f"/users/{second}"),
        )
        return [first_response["name"], second_response["name"]]
    finally:
        await api.aclose()
