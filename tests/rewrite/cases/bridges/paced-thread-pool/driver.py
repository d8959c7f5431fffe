"""A function that sleeps between what it hands a thread pool (staggered
``submit``, so the API never sees a burst) and waits on the pool's futures
stays sync: its sleeps pace the threads, where the fetch runs through
async_to_sync. Made async for its sleep, it waited on the futures on the event
loop, stalling it for the whole fan-out. (These checks compare results and
requests; whether a future is still running when it is waited for depends on
the machine's load, so the stall itself is not checked here.)"""

ROUTES = {
    "GET feeds.example.com /feeds/a": (200, {"count": 1}),
    "GET feeds.example.com /feeds/b": (200, {"count": 2}),
    "GET feeds.example.com /feeds/c": (200, {"count": 3}),
}


def drive(run):
    feeds = run.module("feeds")
    base = run.url("feeds.example.com")
    run.check("staggered counts", feeds.staggered, base, ["a", "b", "c"])

    async def beside_other_work():
        # Called from async code too: through a thread, as sync code is.
        from asgiref.sync import sync_to_async

        if hasattr(feeds.staggered, "__code__") and feeds.staggered.__code__.co_flags & 0x80:
            return await feeds.staggered(base, ["c", "a"], gap=0)
        return await sync_to_async(feeds.staggered)(base, ["c", "a"], gap=0)

    run.check("from a running loop", beside_other_work)
