"""requests-mock's Mocker options: ``case_sensitive=True`` keeps the case of
the recorded path and query (the default lowercases them, and so does the
migrated test), ``real_http=False`` is the default (``real_http=True`` keeps
a file's mocks whole: see requests-mock-todo). The suite passes the same
before and after and sends the same requests (only the unmocked one)."""

ROUTES = {"GET shop.example.com /Items/EF4": (200, {"sku": "upstream"})}
