from store.base import RESTManager, RESTObject
from store.mixins import ListMixin, ObjectDeleteMixin, UpdateMixin


class File(ObjectDeleteMixin, UpdateMixin, RESTObject):
    pass


class FileManager(ListMixin, RESTManager):
    _path = "/files"
    _obj_cls = File


class Tag(ObjectDeleteMixin, RESTObject):
    pass


class TagManager(ListMixin, RESTManager):
    _path = "/tags"
    _obj_cls = Tag
