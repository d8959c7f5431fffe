import pytest

from gitlab_client import Client


@pytest.fixture
def gl():
    return Client()


@pytest.fixture
def project(gl):
    return gl.projects.get(1, lazy=True)
