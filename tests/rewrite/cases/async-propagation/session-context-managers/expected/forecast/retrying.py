import asyncio
import functools


def retry(times=3, delay=0.01, exceptions=(Exception,)):
    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return await func(*args, **kwargs)
                except exceptions:
                    if attempt == times - 1:
                        raise
                    await asyncio.sleep(delay)

        return wrapper

    return decorate
