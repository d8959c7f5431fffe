"""Methods only subclasses define, called through a receiver typed with the
base class (``self.get_by_id`` in the base, ``self._client.get_by_id`` with
``_client: ResourceClient``, ``model.label()`` with ``model: BoundModel``):
every subclass's method becomes async together and each call is awaited."""

ROUTES = {
    "GET api.example.com /notes/7": (200, {"id": 7, "title": "Seven"}),
    "GET api.example.com /tags/7": (200, {"id": 7, "name": "seven"}),
}
