from app import Base, DeleteMixin, GetMixin


def test_get_mixin():
    class M(GetMixin, Base):
        pass

    mgr = M()
    assert mgr.get(42) == {"id": 42, "name": "answer"}
    assert mgr.name == "items"


def test_both_mixins():
    class M(GetMixin, DeleteMixin, Base):
        pass

    assert M().delete(42) == 42
