from _async_helpers import gather_in_order
from ci import CiError, Server

server = Server("http://ci.example.com")


async def summary(name):
    job = server.job(name)
    try:
        green = await job.is_green()
    except CiError:
        return f"{name}: missing"
    build = await job.last_build()
    return f"{name}: #{build['number']} {build['result']} ({'green' if green else 'red'})"


async def all_summaries():
    return await gather_in_order(
        (summary(name) for name in await server.job_names()), limit=10
    )
