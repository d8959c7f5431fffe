"""Per-request ``verify=`` goes to the client made for a class's session only
when the client, made at first use, reads what each request would have given
(plan/client_settings.py): the same value on every request through it, from an
attribute only ``__init__`` sets, never None. Otherwise the requests keep it
under a TODO, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import applied

TEMPLATE = """
    import requests


    class Api:
        def __init__(self, url, verify_ssl{default}):
            self.url = url
            self.verify_ssl = verify_ssl
            self.session = requests.Session()

        def insecure(self):
            {reset}

        def item(self, number):
            url = f"{{self.url}}/items/{{number}}"
            return self.session.get(url, timeout=5, verify=self.verify_ssl).json()

        def create(self, data):
            url = f"{{self.url}}/items"
            return self.session.post(url, json=data, timeout=5, verify={other}).json()
"""


def test_a_setting_every_request_gives_alike_goes_to_the_client(tmp_path: Path) -> None:
    code = TEMPLATE.format(
        default="=True", reset="return not self.verify_ssl", other="self.verify_ssl"
    )
    migrated = applied(tmp_path, code)
    # On the client, as one TLS context: the attribute may hold a CA bundle's path.
    assert "verify=requests_tls(self.verify_ssl)" in migrated
    assert "timeout=5, verify" not in migrated
    assert "TODO" not in migrated


@pytest.mark.parametrize(
    ("default", "reset", "other"),
    [
        ("=True", "return None", "False"),  # one request verifies otherwise
        ("=True", "self.verify_ssl = False", "self.verify_ssl"),  # set after __init__
        ("=None", "return None", "self.verify_ssl"),  # None: the session's own
    ],
    ids=["differs", "set-again", "none"],
)
def test_a_setting_the_client_could_not_read_stays_under_a_todo(
    tmp_path: Path, default: str, reset: str, other: str
) -> None:
    migrated = applied(tmp_path, TEMPLATE.format(default=default, reset=reset, other=other))
    assert "verify= is set on the client in httpx, not per request" in migrated
    assert "verify=self.verify_ssl)" not in migrated.split("def item")[0]


def test_settings_a_base_class_init_sets_go_to_the_client(tmp_path: Path) -> None:
    # python-consul: the base's __init__ keeps verify= and cert= (None: no client
    # certificate, as httpx's own default), the subclass makes the session.
    code = """
        import requests


        class Base:
            def __init__(self, host, verify=True, cert=None):
                self.base_uri = f"https://{host}"
                self.verify = verify
                self.cert = cert


        class Http(Base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.session = requests.Session()

            def get(self, path):
                return self.session.get(self.base_uri + path, verify=self.verify, cert=self.cert)

            def put(self, path, data=""):
                return self.session.put(
                    self.base_uri + path, data=data, verify=self.verify, cert=self.cert
                )
    """
    migrated = applied(tmp_path, code)
    assert "verify=requests_tls(self.verify, self.cert)" in migrated
    assert "TODO" not in migrated
