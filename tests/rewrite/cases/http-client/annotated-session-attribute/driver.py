"""A backend holding the session its caller hands in, or one it makes, in an
annotated attribute (``self._client: requests.Session = session or
requests.Session()``, python-gitlab's form). Before, the annotation became
``httpx.AsyncClient`` while the value stayed a requests.Session, and the calls
awaited on it failed (``object Response can't be used in 'await' expression``);
the case's own tests run before and after, one handing in a session."""

ROUTES = {
    "GET git.example.com /api/projects/1": (200, {"id": 1, "name": "toolkit"}),
    "GET git.example.com /api/projects/2": (404, {"message": "404 Project Not Found"}),
}


def drive(run):
    client = run.module("client")
    run.check("project", client.project_name, 1)
    run.check("missing", client.project_name, 2)
    run.check("handed in", client.project_name_with_own_session, 1)
