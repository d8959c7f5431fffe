"""requests-mock's Mocker options: ``case_sensitive=True`` keeps the case of
the recorded path and query (the default lowercases them, and so does the
migrated test), ``real_http=False`` is the default, and ``real_http=True``
moves to respx with a TODO (left on requests-mock it would catch nothing
once the code sends through httpx). The suite passes the same before and
after and sends the same requests (only the unmocked one)."""

ROUTES = {"GET shop.example.com /Items/EF4": (200, {"sku": "upstream"})}
