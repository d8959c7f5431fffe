import unittest
from unittest import mock

from wiki.api import Reader
from wiki.site import Site


class TestReader(unittest.TestCase):
    def test_first(self):
        assert Reader(Site()).first() == "A"

    def test_first_of_none(self):
        reader = Reader(Site())
        reader.titles = mock.Mock(return_value=iter([]))
        assert reader.first() is None
        assert reader.first() is None
        assert reader.titles.call_count == 2
