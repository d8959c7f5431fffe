from unittest.mock import mock_open, patch

import responses

import service


@responses.activate
def test_save_writes_the_body():
    responses.add(responses.GET, "https://api.example.com/doc", body="hello")
    fake = mock_open()
    with patch("service.open", fake):
        assert service.save("https://api.example.com/doc", "doc.txt") == 5
    fake.assert_called_once_with("doc.txt", "w")
    fake().write.assert_called_once_with("hello")
