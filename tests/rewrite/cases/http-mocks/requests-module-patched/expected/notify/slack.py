import httpx

from notify._async_helpers import TLS_CONTEXT

HOOK = "http://hooks.example.com/services/T/B/X"


async def post_message(text, channel="#general"):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.post(
            HOOK, json={"text": text, "channel": channel}, timeout=5
        )
    if response.status_code != 200:
        raise RuntimeError(f"slack said {response.status_code}: {response.text}")
    return True


async def user_name(token, user_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            "http://slack.example.com/api/users.info",
            params={"user": user_id},
            headers={"Authorization": f"Bearer {token}"},
        )
    data = response.json()
    if not data.get("ok"):
        return None
    return data["user"]["name"]


async def broadcast(texts):
    return [await post_message(t) for t in texts]
