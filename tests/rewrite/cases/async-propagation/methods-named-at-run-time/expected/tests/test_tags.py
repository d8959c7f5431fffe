import pytest

from clients import Api, BoundTag

from .conftest import BoundModelTests


class TestBoundTag(BoundModelTests):
    methods = [BoundTag.rename]

    @pytest.fixture()
    def resource_client(self, api: Api):
        return api.tags

    @pytest.fixture()
    def bound_model(self, resource_client):
        return BoundTag(resource_client, 3)
