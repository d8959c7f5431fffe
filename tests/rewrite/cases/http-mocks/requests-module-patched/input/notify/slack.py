import requests

HOOK = "http://hooks.example.com/services/T/B/X"


def post_message(text, channel="#general"):
    response = requests.post(HOOK, json={"text": text, "channel": channel}, timeout=5)
    if response.status_code != 200:
        raise RuntimeError(f"slack said {response.status_code}: {response.text}")
    return True


def user_name(token, user_id):
    response = requests.get(
        "http://slack.example.com/api/users.info",
        params={"user": user_id},
        headers={"Authorization": f"Bearer {token}"},
    )
    data = response.json()
    if not data.get("ok"):
        return None
    return data["user"]["name"]


def broadcast(texts):
    return [post_message(t) for t in texts]
