import io
from unittest import mock

import httpx
import pytest
import requests

from download import fake_error, fetch, stream_to_file


@pytest.fixture()
def streamed():
    response = requests.Response()
    response.status_code = 200
    response.raw = io.BytesIO(b"some streamed data")
    return response


def test_stream_to_file(streamed, tmp_path):
    path = stream_to_file(streamed, tmp_path / "out.bin")
    assert path.read_bytes() == b"some streamed data"


def test_fake_error_reads_its_body():
    response = fake_error(404, b'{"message": "gone"}')
    assert (response.status_code, response.json()) == (404, {"message": "gone"})


@pytest.mark.asyncio
async def test_fetch():
    answer = httpx.Response(200, request=httpx.Request("GET", ""))
    answer.status_code = 200
    answer._content = b'{"a": 1}'
    with mock.patch("httpx.AsyncClient.get", return_value=answer):
        assert await fetch("https://api.example.com/a") == {"a": 1}
