"""Objects a request keeps on Flask's ``g``: an API client whose methods
become async (awaited where views call them through ``g``, closed at
teardown) and an sqlite3 connection opened on the request's thread; and the
client the app keeps in its extensions (``app.extensions["wx"]``)."""

ROUTES = {
    "GET wx.example.com /current/oslo": (200, {"temp": 3.5}),
    "GET wx.example.com /current/rome": (200, {"temp": 18.0}),
    "GET wx.example.com /current/nowhere": (404, {"error": "no such city"}),
}


def drive(run):
    weather = run.module("weather.app")
    app = weather.create_app(
        {"UPSTREAM": run.url("wx.example.com"), "DATABASE": str(run.root / "seen.db")}
    )
    client = app.test_client()

    def get(path):
        response = client.get(path)
        return response.status_code, response.get_json(silent=True)

    run.check("oslo", get, "/now/oslo")
    run.check("rome", get, "/now/rome")
    run.check("nowhere", get, "/now/nowhere")
    run.check("seen", get, "/seen")
    run.check("the app's client, from its extensions", get, "/shared/rome")
    run.check("through current_app", get, "/current-app/oslo")
