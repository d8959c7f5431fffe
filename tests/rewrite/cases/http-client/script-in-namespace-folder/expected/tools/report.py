"""Print how many users the service has: ``python tools/report.py BASE_URL``.

The tests import it as ``tools.report``; ``tools/`` is not a package.
"""

import asyncio
import sys

import httpx

if __package__:
    from ._async_helpers import TLS_CONTEXT
else:  # run from its own folder (a script): the folder is on sys.path
    from _async_helpers import TLS_CONTEXT


async def count_users(base: str) -> int:
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{base}/users", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return len(response.json())


if __name__ == "__main__":
    print(asyncio.run(count_users(sys.argv[1])))
