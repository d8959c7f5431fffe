import requests

session = requests.Session()


def fetch_weather(city):
    return session.get("https://weather.example.com", params={"city": city}, timeout=5).json()


def fetch_events(city):
    return session.get("https://events.example.com", params={"city": city}, timeout=5).json()


def fetch_rates(base="EUR"):
    return session.get("https://rates.example.com", params={"base": base}, timeout=5).json()


def fetch_user(user_id):
    return session.get(f"https://social.example.com/users/{user_id}", timeout=5).json()


def fetch_following(user_id):
    return session.get(f"https://social.example.com/users/{user_id}/following", timeout=5).json()


def fetch_latest_post(user_id):
    return session.get(f"https://social.example.com/users/{user_id}/latest", timeout=5).json()
