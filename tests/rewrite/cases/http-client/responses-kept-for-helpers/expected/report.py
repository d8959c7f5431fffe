import httpx
import requests
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT
from lib import utils

get = sync_to_async(requests.get, thread_sensitive=False)


def fetch_report(url):
    resp = requests.get(url, stream=True, timeout=5)
    return utils.response_content(resp)


async def fetch_with_index(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        index = (await http_client.get(url + "/index", timeout=5)).json()
    resp = await get(url + "/report", stream=True, timeout=5)
    return index, utils.response_content(resp)


def _streamed(url):
    return requests.get(url, stream=True, timeout=5)


def fetch_through_a_function(url):
    return utils.response_content(_streamed(url))
