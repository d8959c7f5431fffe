from typing import TYPE_CHECKING, Any, Dict, List, Type

if TYPE_CHECKING:
    from store.client import Client


class RESTObject:
    def __init__(self, manager: "RESTManager", attrs: Dict[str, Any]) -> None:
        self.manager = manager
        self.id = attrs["id"]
        self.name = attrs["name"]


class RESTManager:
    _path: str
    _obj_cls: Type[RESTObject]

    def __init__(self, client: "Client") -> None:
        self.client = client


class RESTObjectList:
    """The items of one listing, made as they are iterated."""

    def __init__(
        self, manager: RESTManager, obj_cls: Type[RESTObject], data: List[Dict[str, Any]]
    ) -> None:
        self._manager = manager
        self._obj_cls = obj_cls
        self._data = iter(data)

    def __iter__(self) -> "RESTObjectList":
        return self

    def __next__(self) -> RESTObject:
        return self._obj_cls(self._manager, next(self._data))
