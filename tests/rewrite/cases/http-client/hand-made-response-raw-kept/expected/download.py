import httpx
import requests

from _async_helpers import TLS_CONTEXT


async def fetch(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(url, timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


def stream_to_file(response, path):
    with open(path, "wb") as fd:
        for chunk in response.iter_content(chunk_size=4):
            fd.write(chunk)
    return path


def fake_error(status, body):
    import io

    response = requests.Response()
    response.status_code = status
    response.raw = io.BytesIO(body)
    response._content_consumed = True
    response._content = response.raw.read()
    return response
