import pytest

from shop.catalog import Catalog, first_price, prices, restock, summary

BASE = "http://shop.example.com"


def test_membership_and_size():
    catalog = Catalog(BASE)
    assert "tea" in catalog
    assert "cake" not in catalog
    assert len(catalog) == 2


def test_set_and_delete():
    catalog = Catalog(BASE)
    catalog["cake"] = 4
    del catalog["tea"]
    with pytest.raises(KeyError):
        del catalog["cake"]


def test_restock():
    assert restock(BASE, ["tea", "cake"]) == (["cake"], 2)


def test_summary():
    assert summary(Catalog(BASE)) == {"size": 2, "has_tea": True}


def test_items_fetched_as_they_are_iterated():
    assert first_price(BASE) == 3
    assert prices(Catalog(BASE)) == [3, 5]
