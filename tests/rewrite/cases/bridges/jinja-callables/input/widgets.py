import requests
from flask import Flask, render_template_string


def current_temp(city):
    response = requests.get(f"https://wx.example.com/current/{city}", timeout=5)
    response.raise_for_status()
    return response.json()["temp"]


def forecast(city):
    return requests.get(f"https://wx.example.com/forecast/{city}", timeout=5).json()["sky"]


def create_app():
    app = Flask(__name__)

    @app.template_global()
    def temp_of(city):
        return current_temp(city)

    @app.template_filter("temp")
    def temp_filter(city):
        return current_temp(city)

    @app.context_processor
    def inject():
        return {"oslo_temp": current_temp("oslo")}

    app.jinja_env.globals["sky_of"] = forecast
    app.add_template_filter(forecast, "sky")

    @app.route("/global/<city>")
    def by_global(city):
        return render_template_string("{{ temp_of(city) }}", city=city)

    @app.route("/filter/<city>")
    def by_filter(city):
        return render_template_string("{{ city|temp }}", city=city)

    @app.route("/context")
    def by_context():
        return render_template_string("{{ oslo_temp }}")

    @app.route("/sky/<city>")
    def sky(city):
        return render_template_string("{{ sky_of(city) }} {{ city|sky }}", city=city)

    return app
