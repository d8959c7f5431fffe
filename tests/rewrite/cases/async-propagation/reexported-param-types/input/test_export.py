from scan import Scanner, export_stars


def test_export():
    scanner = Scanner("http://gh.example.com")
    assert export_stars(scanner, "acme", ["a", "bb"]) == {"a": 3, "bb": 5}
