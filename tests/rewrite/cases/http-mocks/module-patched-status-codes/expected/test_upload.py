from unittest.mock import Mock, patch

import pytest

from _async_helpers import httpx_module_mock
from upload import upload


@pytest.mark.asyncio
@patch("upload.httpx", new_callable=httpx_module_mock)
async def test_upload(requests):
    response = Mock()
    response.status_code = 200
    response.is_error = False
    response.json.return_value = {"stored": 1}
    requests.post.return_value = response
    requests.codes.ok = 200
    assert await upload({"a": "b"}) == {"stored": 1}


@pytest.mark.asyncio
@patch("upload.httpx", new_callable=httpx_module_mock)
async def test_upload_refused(requests):
    response = Mock(is_error=False)
    response.status_code = 503
    response.is_error = True
    requests.post.return_value = response
    requests.codes.ok = 200
    with pytest.raises(RuntimeError):
        await upload({"a": "b"})
