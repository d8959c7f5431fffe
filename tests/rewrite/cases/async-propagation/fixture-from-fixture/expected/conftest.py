import pytest
import pytest_asyncio

from gitlab_client import Client


@pytest.fixture
def gl():
    return Client()


@pytest_asyncio.fixture
async def project(gl):
    return await gl.projects.get(1, lazy=True)
