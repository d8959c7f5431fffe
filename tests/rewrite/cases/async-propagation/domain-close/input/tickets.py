import requests


class Ticket:
    def __init__(self, api, data):
        self.api = api
        self.id = data["id"]
        self.state = data["state"]

    def close(self):
        """Close the ticket: its state, not a resource."""
        r = self.api.session.put(f"{self.api.base}/tickets/{self.id}", json={"state": "closed"})
        r.raise_for_status()
        self.state = r.json()["state"]


class TicketAPI:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get(self, ticket_id):
        r = self.session.get(f"{self.base}/tickets/{ticket_id}")
        r.raise_for_status()
        return Ticket(self, r.json())

    def close(self):
        self.session.close()


def close_ticket(base, ticket_id):
    api = TicketAPI(base)
    ticket = api.get(ticket_id)
    ticket.close()
    api.close()
    return ticket.state
