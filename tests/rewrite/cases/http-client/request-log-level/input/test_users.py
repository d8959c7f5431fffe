import logging

import users


def test_only_the_programs_own_lines_at_info(caplog):
    caplog.set_level(logging.INFO)
    names = users.sync_users("http://api.example.com", ["ann", "gone", "bob"])
    assert names == ["Ann", "Bob"]
    assert caplog.messages == ["skipping gone: gone", "synced 2 users"]


def test_the_request_lines_at_debug(caplog):
    caplog.set_level(logging.DEBUG)
    users.sync_users("http://api.example.com", ["ann"])
    assert "synced 1 users" in caplog.messages
    assert all(r.levelno == logging.DEBUG for r in caplog.records if r.name != "users")
