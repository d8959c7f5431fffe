import httpx
import respx

from _async_helpers import unmatched_connect_error
from weatherapp.views import create_app


@respx.mock
def test_temps():
    unmatched_connect_error(respx)
    respx.get("http://w.example.com/current/oslo").mock(
        return_value=httpx.Response(200, json={"temp": 3})
    )
    respx.get("http://w.example.com/current/rome").mock(
        return_value=httpx.Response(200, json={"temp": 20})
    )
    app = create_app({"WEATHER_URL": "http://w.example.com", "WEATHER_KEY": "k"})
    resp = app.test_client().get("/temps?cities=oslo,rome")
    assert resp.get_json() == {"oslo": 3, "rome": 20}
    assert all(c.request.headers["X-Key"] == "k" for c in respx.calls)
    resp = app.test_client().get("/temps?cities=rome")
    assert resp.get_json() == {"rome": 20}
