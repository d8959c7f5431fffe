import json

import pytest
from flask import Flask

from captcha.verify import Verifier, http


class Reply:
    def __init__(self, code, success=True):
        self.code = code
        self.body = json.dumps({"success": success}).encode()

    def read(self):
        return self.body


@pytest.fixture(autouse=True)
def app_ctx():
    app = Flask(__name__)
    app.config["CAPTCHA_SECRET"] = "s3cret"
    with app.app_context():
        yield app


def test_accepted(monkeypatch):
    seen = []

    def fake_urlopen(url, data):
        seen.append((url, data))
        return Reply(200)

    monkeypatch.setattr(http, "urlopen", fake_urlopen)
    assert Verifier()("token")
    assert seen == [("https://captcha.test/siteverify", b"secret=s3cret&response=token")]


def test_rejected(monkeypatch):
    monkeypatch.setattr(http, "urlopen", lambda url, data: Reply(200, success=False))
    with pytest.raises(ValueError, match="Invalid captcha"):
        Verifier()("token")


def test_server_error_reads_as_rejected(monkeypatch):
    # The fake returns the error status urllib itself would raise for.
    monkeypatch.setattr(http, "urlopen", lambda url, data: Reply(500))
    with pytest.raises(ValueError, match="Invalid captcha"):
        Verifier()("token")


def test_testing_skips_the_call(app_ctx):
    app_ctx.testing = True
    assert Verifier()(None)
