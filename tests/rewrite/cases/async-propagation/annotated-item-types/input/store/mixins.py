from typing import TYPE_CHECKING, Any, List, Type, Union

from store.base import RESTManager, RESTObject, RESTObjectList

if TYPE_CHECKING:
    from store.client import Client


class ListMixin:
    _path: str
    _obj_cls: Type[RESTObject]
    client: "Client"

    def list(self, iterator: bool = False) -> Union[RESTObjectList, List[RESTObject]]:
        data = self.client.http_list(self._path)
        if iterator:
            return RESTObjectList(self, self._obj_cls, data)
        return [self._obj_cls(self, item) for item in data]


class ObjectDeleteMixin:
    manager: RESTManager
    id: Any

    def delete(self) -> None:
        self.manager.client.http_delete(f"{self.manager._path}/{self.id}")


class UpdateMixin:
    manager: RESTManager
    id: Any
    name: str

    def update(self) -> None:
        self.manager.client.http_put(f"{self.manager._path}/{self.id}", {"name": self.name})
