import pytest

from client import project_name, project_name_with_own_session


def test_project_name():
    assert project_name(1) == "toolkit"
    assert project_name_with_own_session(1) == "toolkit"


def test_missing_project():
    with pytest.raises(LookupError, match="Not Found"):
        project_name(2)
