"""An auth whose flow holds a thread lock across an await (a token cache) runs in
every request its client sends: two tasks of one loop sending together would
block the loop's thread on the lock the first holds while it awaits the token,
and neither resumes. Calls that send through such a client stay in turn."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

SOURCE = """
    import threading

    import httpx


    class ClientCredentials(httpx.Auth):
        def __init__(self, token_url):
            self.token_url = token_url
            self._lock = threading.Lock()
            self._token = None

        def token(self):
            with self._lock:
                if self._token is None:
                    self._token = httpx.post(self.token_url).json()["access_token"]
                return self._token

        def auth_flow(self, request):
            request.headers["Authorization"] = f"Bearer {self.token()}"
            yield request


    class Hub:
        def __init__(self, base, auth):
            self._http = httpx.Client(base_url=base, auth=auth)

        def item(self, name):
            return self._http.get(f"/items/{name}").json()

        def items(self, names):
            return [self.item(name) for name in names]
"""


def test_calls_through_a_client_whose_auth_holds_a_lock_stay_in_turn(tmp_path: Path) -> None:
    (tmp_path / "hub.py").write_text(textwrap.dedent(SOURCE))
    analysis = analyse_paths([tmp_path], jobs=1)
    assert analysis.colouring.is_async("hub.ClientCredentials.auth_flow")
    (spot,) = [s for s in analysis.spots if s.function == "hub.Hub.items"]
    assert spot.safe is False
    assert "holds self._lock across an await" in spot.reason
