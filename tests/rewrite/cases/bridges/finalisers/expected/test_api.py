import gc
import subprocess
import sys
from pathlib import Path

import pytest

import api

HERE = Path(__file__).parent


def python(code):
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=HERE,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.asyncio
async def test_item():
    assert await api.item(1) == {"id": 1, "name": "one"}


@pytest.mark.asyncio
async def test_collected_client_closes_itself():
    assert (await api.item_once(1))["name"] == "one"


def test_collected_without_a_request():
    client = api.Client("http://api.example.com")
    del client
    gc.collect()


def test_exit_hooks_close_the_clients():
    code = "import atexit, api; atexit._run_exitfuncs(); print(api._default.closed, api._spare.closed)"
    assert python(code) == (0, "True True\n", "")


def test_exit_is_quiet():
    assert python("import api") == (0, "", "")
