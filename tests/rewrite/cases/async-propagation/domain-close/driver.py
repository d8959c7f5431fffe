"""A model's ``close()`` that changes the model (a PUT closing a ticket) keeps its
name when it becomes async: ``await ticket.close()``; the client's ``close()``
closes the session it holds and becomes ``aclose()``, as asyncio code expects."""

ROUTES = {
    "GET tickets /tickets/1": (200, {"id": 1, "state": "open"}),
    "PUT tickets /tickets/1": (200, {"id": 1, "state": "closed"}),
    "GET tickets /tickets/9": (404, {"error": "missing"}),
}


def drive(run):
    tickets = run.module("tickets")
    base = run.url("tickets")
    run.check("closed", tickets.close_ticket, base, 1)
    run.check("missing", tickets.close_ticket, base, 9)
    run.check("the API's names", lambda: sorted(n for n in vars(tickets.Ticket) if "close" in n))
