import httpx
from asgiref.sync import async_to_sync
from flask import Flask, render_template_string

from _async_helpers import TLS_CONTEXT


async def current_temp(city):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            f"https://wx.example.com/current/{city}", timeout=5
        )
    if response.is_error:
        response.raise_for_status()
    return response.json()["temp"]


async def forecast(city):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(f"https://wx.example.com/forecast/{city}", timeout=5)
        ).json()["sky"]


def create_app():
    app = Flask(__name__)

    @app.template_global()
    def temp_of(city):
        return async_to_sync(current_temp)(city)

    @app.template_filter("temp")
    def temp_filter(city):
        return async_to_sync(current_temp)(city)

    @app.context_processor
    async def inject():
        return {"oslo_temp": await current_temp("oslo")}

    app.jinja_env.globals["sky_of"] = async_to_sync(forecast)
    app.add_template_filter(async_to_sync(forecast), "sky")

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
