import asyncio
import time


def stamp():
    return time.time()


async def nap():
    await asyncio.sleep(1)
