"""Print how many users the service has: ``python tools/report.py BASE_URL``.

The tests import it as ``tools.report``; ``tools/`` is not a package.
"""

import sys

import requests


def count_users(base: str) -> int:
    response = requests.get(f"{base}/users", timeout=5)
    response.raise_for_status()
    return len(response.json())


if __name__ == "__main__":
    print(count_users(sys.argv[1]))
