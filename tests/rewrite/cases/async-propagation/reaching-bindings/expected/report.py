from _async_helpers import gather_in_order
from requesters import TracingRequester
from server import Server

server = Server("http://ci.example.com")
traced = Server("http://ci.example.com", trace=True)


async def summary(name):
    build = await server.build(name)
    return f"{name}: #{build['number']} {build['result']}"


async def all_summaries():
    return await gather_in_order(
        (summary(name) for name in await server.copy().job_names()), limit=10
    )


async def traced_paths(name):
    await traced.build(name)
    return traced.requester.seen


async def retraced(name):
    copy = server.copy()
    copy.requester = TracingRequester(copy.base)
    await copy.build(name)
    return copy.requester.seen
