from records.api import Api, AuditedApi


def test_attach():
    assert Api("http://records.example.com").attach("i1", "a.txt") == "a1"


def test_audited_put():
    made = AuditedApi("http://records.example.com").put("items", {"title": "t"})
    assert made["id"] == "i1"
