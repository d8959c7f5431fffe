from asgiref.sync import sync_to_async

from .cli import main, temperatures

main_async = sync_to_async(main, thread_sensitive=False)


async def report(base, city):
    """The warmest day, then the script's own line for it, as a user would see it."""
    warmest = max(await temperatures(base, city))
    code = await main_async([base, city])
    return warmest, code
