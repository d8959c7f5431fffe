from catalog.session import Shop, ShopSession

BASE = "http://shop.example.com/v2/"


def test_paths_are_taken_from_the_root():
    assert Shop(BASE).names([1, 2]) == ["tea", "jam"]


def test_the_root_is_kept_as_given():
    session = ShopSession(BASE)
    assert session.base_url == BASE
    assert session.item_url(3) == BASE + "items/3"
    assert Shop(BASE).root() == BASE
