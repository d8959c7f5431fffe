"""What Jinja calls while it renders (template globals and filters, however
Flask is given them) stays sync and bridges the fetch that became async; a
context processor, which Flask awaits, becomes async."""

ROUTES = {
    "GET wx.example.com /current/oslo": (200, {"temp": 3}),
    "GET wx.example.com /current/rome": (200, {"temp": 18}),
    "GET wx.example.com /current/nowhere": (404, {"error": "no such city"}),
    "GET wx.example.com /forecast/oslo": (200, {"sky": "snow"}),
}


def drive(run):
    app = run.module("widgets").create_app()
    client = app.test_client()

    def page(path):
        response = client.get(path)
        return response.status_code, response.get_data(as_text=True)

    run.check("template global", page, "/global/rome")
    run.check("template filter", page, "/filter/oslo")
    run.check("template filter, upstream 404", page, "/filter/nowhere")
    run.check("context processor", page, "/context")
    run.check("jinja globals and add_template_filter", page, "/sky/oslo")
