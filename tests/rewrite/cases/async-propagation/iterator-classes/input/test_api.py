import unittest
from unittest import mock

import pytest

from wiki.api import Reader
from wiki.listing import Listing
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

    def test_a_load_past_the_end_ends_the_listing(self):
        listing = Listing(Site(), "gone")
        with self.assertRaises(StopIteration):
            listing.load()


def test_a_load_past_the_end_ends_the_listing():
    listing = Listing(Site(), "gone")
    with pytest.raises(StopIteration):
        listing.load()
