"""A test's own response class whose ``raise_for_status()`` raises
``requests.HTTPError(msg, response=self)``, put in place of ``requests.get``
(and a module-level instance of it raised with by a fake): the code catches
the error and reads ``e.response.status_code``. The class has no
``request``, so the raise becomes the helpers' ``StatusError(msg,
response=self)``, which takes the response's request only when it has one
(``httpx.HTTPStatusError(..., request=self.request)`` raised AttributeError
on every error path)."""

ROUTES = {
    "GET wx.example.com /v1/forecast": (200, {"days": [3, 4]}),
}
