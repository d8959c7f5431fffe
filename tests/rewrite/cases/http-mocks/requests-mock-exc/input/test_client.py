import pytest
import requests
from requests.exceptions import ReadTimeout

from client import fetch

URL = "https://api.test/items"


def test_connect_timeout(requests_mock):
    requests_mock.get(URL, exc=requests.exceptions.ConnectTimeout)
    with pytest.raises(requests.exceptions.ConnectTimeout):
        fetch(URL)


def test_connection_error(requests_mock):
    requests_mock.get(URL, exc=requests.ConnectionError("refused"))
    with pytest.raises(requests.ConnectionError):
        fetch(URL)


def test_read_timeout(requests_mock):
    requests_mock.get(URL, exc=ReadTimeout)
    with pytest.raises(requests.Timeout):
        fetch(URL)


def test_other_exception(requests_mock):
    requests_mock.get(URL, exc=ValueError("bad"))
    with pytest.raises(ValueError):
        fetch(URL)
