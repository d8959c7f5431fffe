"""A method that hands back one of the client's methods to be called
(``http_method = self._get_update_method()`` then ``http_method(path, data)``,
python-gitlab's update), and a module function doing the same with module
functions: each call of the result is a call of every function the returns
name, awaited, and those functions become async together. Before, the call
stayed un-awaited (a coroutine where the updated data was expected); the case's
own tests run before and after."""

ROUTES = {
    "PUT git.example.com /projects/1": (200, {"id": 1, "name": "renamed"}),
    "POST git.example.com /projects/1": (200, {"id": 1, "name": "posted"}),
}


def drive(run):
    app = run.module("app")
    run.check("put", app.rename, "renamed")
    run.check("post", app.rename, "posted", True)
    run.check("module verb", app.send, "/projects/1", {"name": "x"}, False)
