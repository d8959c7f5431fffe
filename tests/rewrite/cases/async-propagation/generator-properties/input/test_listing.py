from unittest.mock import PropertyMock, patch

import listing

BASE = "http://api.example.com"


def test_first_two_stops_after_the_first_page():
    assert listing.first_two(listing.Catalog(BASE)) == ["tea", "jam"]


def test_names_of_a_faked_catalog():
    with patch.object(listing.Catalog, "items", new_callable=PropertyMock) as items:
        items.return_value = [{"name": "salt"}]
        assert listing.all_names(listing.Catalog(BASE)) == ["salt"]
    items.assert_called_once_with()
