"""Sessions handed in by callers, or made by the class when none is."""

ROUTES = {
    "GET social.example.com /users/1": (200, {"name": "Ann"}),
    "GET social.example.com /users/2": (200, {"name": "Bob"}),
    "GET social.example.com /items/7": (200, {"name": "Lamp"}),
    "GET social.example.com /entries": (200, [{"id": 1}, {"id": 2}]),
    "GET social.example.com /entries/1": (200, {"id": 1}),
}


def drive(run):
    base = run.url("social.example.com")
    service = run.module("svc.service")
    ledger = run.module("svc.ledger")
    run.check("made by the class", service.user_name, base, 1)
    run.check("handed in", service.names, base, [1, 2])
    run.check("handed in, missing", service.names, base, [1, 3])
    run.check("None handed in", service.item_name, base, 7)
    run.check("through **options", service.feed_size, base)
    run.check("a subclass handing on **kwargs, given none", service.token_user_name, base, 1)
    run.check("a subclass handing on **kwargs, given one", service.token_names, base, [1, 2])
    run.check("kept on requests", ledger.first_entry, base)
