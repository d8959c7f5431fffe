import argparse
import asyncio

import httpx

from ._async_helpers import TLS_CONTEXT


async def temperatures(base, city):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{base}/forecast/{city}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return [day["temp"] for day in response.json()["days"]]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="forecast")
    parser.add_argument("base")
    parser.add_argument("city")
    args = parser.parse_args(argv)
    print(args.city, max(asyncio.run(temperatures(args.base, args.city))))
    return 0
