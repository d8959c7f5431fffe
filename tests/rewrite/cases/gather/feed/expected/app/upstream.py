import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


async def fetch_weather(city):
    return (
        await session.get(
            "https://weather.example.com", params={"city": city}, timeout=5
        )
    ).json()


async def fetch_events(city):
    return (
        await session.get(
            "https://events.example.com", params={"city": city}, timeout=5
        )
    ).json()


async def fetch_rates(base="EUR"):
    return (
        await session.get("https://rates.example.com", params={"base": base}, timeout=5)
    ).json()


async def fetch_user(user_id):
    return (
        await session.get(f"https://social.example.com/users/{user_id}", timeout=5)
    ).json()


async def fetch_following(user_id):
    return (
        await session.get(
            f"https://social.example.com/users/{user_id}/following", timeout=5
        )
    ).json()


async def fetch_latest_post(user_id):
    return (
        await session.get(
            f"https://social.example.com/users/{user_id}/latest", timeout=5
        )
    ).json()
