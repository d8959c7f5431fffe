import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop
from .models import Project


class OSF:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def project(self, project_id):
        response = await self.session.get(f"{self.base}/projects/{project_id}")
        if response.is_error:
            response.raise_for_status()
        return Project(response.json(), self.session, self.base)
