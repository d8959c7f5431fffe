from _async_helpers import gather_in_order
from status import get_status, incidents


async def summary(name):
    status, incidents_result = await gather_in_order(
        get_status(name),
        incidents(name),
    )
    state = status["state"]
    open_incidents = incidents_result["open"]
    return f"{name}: {state}, {open_incidents} open"
