from app import commands

BASE = "http://api.example.com"


def test_show():
    assert commands.show(BASE + "/me") == "Ada"


def test_show_unauthorized():
    assert commands.show(BASE + "/secret") == "not authorized"


def test_version():
    assert commands.version() == "1.0"

