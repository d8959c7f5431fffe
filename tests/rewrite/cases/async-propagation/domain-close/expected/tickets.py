import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Ticket:
    def __init__(self, api, data):
        self.api = api
        self.id = data["id"]
        self.state = data["state"]

    async def close(self):
        """Close the ticket: its state, not a resource."""
        r = await self.api.session.put(
            f"{self.api.base}/tickets/{self.id}", json={"state": "closed"}
        )
        if r.is_error:
            r.raise_for_status()
        self.state = r.json()["state"]


class TicketAPI:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, ticket_id):
        r = await self.session.get(f"{self.base}/tickets/{ticket_id}")
        if r.is_error:
            r.raise_for_status()
        return Ticket(self, r.json())

    async def aclose(self):
        await self.session.aclose()


async def close_ticket(base, ticket_id):
    api = TicketAPI(base)
    ticket = await api.get(ticket_id)
    await ticket.close()
    await api.aclose()
    return ticket.state
