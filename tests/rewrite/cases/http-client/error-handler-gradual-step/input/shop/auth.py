import requests
from flask import current_app


def introspect(token):
    r = requests.post(f"{current_app.config['AUTH_URL']}/introspect", data={"token": token})
    r.raise_for_status()
    return r.json()
