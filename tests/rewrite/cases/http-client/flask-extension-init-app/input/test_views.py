import responses

from weatherapp.views import create_app


@responses.activate
def test_temps():
    responses.get("http://w.example.com/current/oslo", json={"temp": 3})
    responses.get("http://w.example.com/current/rome", json={"temp": 20})
    app = create_app({"WEATHER_URL": "http://w.example.com", "WEATHER_KEY": "k"})
    resp = app.test_client().get("/temps?cities=oslo,rome")
    assert resp.get_json() == {"oslo": 3, "rome": 20}
    assert all(c.request.headers["X-Key"] == "k" for c in responses.calls)
    resp = app.test_client().get("/temps?cities=rome")
    assert resp.get_json() == {"rome": 20}
