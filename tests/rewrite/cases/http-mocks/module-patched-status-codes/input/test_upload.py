from unittest.mock import Mock, patch

import pytest

from upload import upload


@patch("upload.requests")
def test_upload(requests):
    response = Mock()
    response.status_code = 200
    response.ok = True
    response.json.return_value = {"stored": 1}
    requests.post.return_value = response
    requests.codes.ok = 200
    assert upload({"a": "b"}) == {"stored": 1}


@patch("upload.requests")
def test_upload_refused(requests):
    response = Mock()
    response.status_code = 503
    requests.post.return_value = response
    requests.codes.ok = 200
    with pytest.raises(RuntimeError):
        upload({"a": "b"})
