import asyncio

STATE = {"open": 0}


async def open_queue(name):
    await asyncio.sleep(0.01)
    STATE["open"] += 1
    return {"name": name, "jobs": []}


async def close_queue(queue):
    await asyncio.sleep(0.01)
    STATE["open"] -= 1
    queue["closed"] = True
