import requests

BASE = "https://api.example.com/items"


class GetMixin:
    def get(self, item_id):
        response = requests.get(f"{BASE}/{item_id}", timeout=5)
        response.raise_for_status()
        return response.json()


class DeleteMixin:
    def delete(self, item_id):
        requests.delete(f"{BASE}/{item_id}", timeout=5).raise_for_status()
        return item_id


class Base:
    name = "items"


class Manager(GetMixin, DeleteMixin, Base):
    pass
