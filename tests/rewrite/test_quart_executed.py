"""A Flask app moved to Quart (MIG011) in this process, then served: the same answers.

The app has what the Quart stage has to carry: request bodies Quart made
awaitable (``get_json``, ``get_data``, ``form``, ``values``), templates and
responses (``render_template_string``, ``make_response``), a client that was
one per event loop, resources opened at setup in text and in binary mode
(``open_resource``, ``open_instance_resource``), and sqlite. Flask's test
client drives the input, Quart's (inside ``test_app``, which runs the serving
hooks) the output; each request must get the same status and body and send
the same requests upstream (``tests/rewrite/drivers.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from migrate.rewrite.options import RewriteOptions

from .drivers import Run, assert_same_behaviour, driver_of, migrated_case, run_versions

APP = {
    "shop/__init__.py": """
        from typing import Any

        from flask import Flask

        from . import views
        from .db import init_db


        def create_app(config: dict[str, Any]) -> Flask:
            app = Flask(__name__, instance_path=config.pop("INSTANCE"))
            app.config.update(config)
            app.register_blueprint(views.bp)
            init_db(app)
            return app
    """,
    "shop/clients.py": """
        import asyncio
        import threading
        import weakref
        from collections.abc import Callable
        from typing import Any

        import httpx


        class _AsyncClientPerLoop:
            def __init__(self, factory: Callable[[], httpx.AsyncClient]) -> None:
                self._factory = factory
                self._clients: weakref.WeakKeyDictionary[Any, httpx.AsyncClient] = (
                    weakref.WeakKeyDictionary()
                )
                self._lock = threading.Lock()

            def __getattr__(self, name: str) -> Any:
                loop = asyncio.get_running_loop()
                with self._lock:
                    client = self._clients.setdefault(loop, self._factory())
                return getattr(client, name)


        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(timeout=5.0)


        http = _AsyncClientPerLoop(_new_http)
    """,
    "shop/db.py": """
        import sqlite3

        from flask import Flask, current_app, g


        def get_db() -> sqlite3.Connection:
            if "db" not in g:
                g.db = sqlite3.connect(current_app.config["DATABASE"])
            return g.db


        def init_db(app: Flask) -> None:
            with app.app_context():
                with current_app.open_resource("schema.sql", "r") as f:
                    get_db().executescript(f.read())
                with current_app.open_resource("seed.bin") as f:
                    app.config["SEED"] = f.read().hex()
                with app.open_instance_resource("motd.txt", mode="r") as f:
                    app.config["MOTD"] = f.read()
                with app.open_instance_resource("motd.txt", "rb") as f:
                    app.config["MOTD_SIZE"] = len(f.read())
    """,
    "shop/views.py": """
        import os
        from collections.abc import Generator

        from flask import (
            Blueprint,
            Response,
            current_app,
            jsonify,
            make_response,
            render_template_string,
            request,
            stream_with_context,
        )

        from . import clients

        bp = Blueprint("shop", __name__)


        @bp.post("/echo")
        async def echo():
            payload = request.get_json(silent=True) or {}
            raw = request.get_data()
            return jsonify(payload=payload, size=len(raw))


        @bp.post("/form")
        def form():
            return jsonify(note=request.form.get("note", ""), values=sorted(request.values))


        @bp.get("/page/<name>")
        async def page(name):
            text = render_template_string("<p>{{ name }}</p>", name=name)
            return make_response(text, 201)


        @bp.get("/setup")
        def setup():
            config = current_app.config
            return jsonify(seed=config["SEED"], motd=config["MOTD"], size=config["MOTD_SIZE"])


        @bp.get("/stock")
        async def stock():
            resp = await clients.http.get("https://stock.example/v1/levels")
            return jsonify(resp.json())


        @bp.get("/about")
        async def about():
            with open(os.path.join(os.path.dirname(__file__), "schema.sql")) as source:
                size = len(source.read())
            with current_app.app_context():
                name = current_app.name
            return jsonify(size=size, name=name)


        @bp.get("/numbers/<int:n>")
        def numbers(n):
            def rows(count: int) -> Generator[str, None, None]:
                for i in range(count):
                    yield f"{i}\\n"

            return Response(stream_with_context(rows(n)), mimetype="text/plain")
    """,
}
ROUTES = {"GET stock.example /v1/levels": (200, {"pears": 5})}


def drive(run: Run) -> None:
    (run.root / "shop" / "schema.sql").write_text("CREATE TABLE stock (name TEXT);\n")
    (run.root / "shop" / "seed.bin").write_bytes(b"\x00\xff")
    (run.root / "instance").mkdir()
    (run.root / "instance" / "motd.txt").write_bytes(b"hello\r\n")
    config = {"DATABASE": str(run.root / "shop.db"), "INSTANCE": str(run.root / "instance")}
    app = run.module("shop").create_app(config)
    quart = run.tag == "after"

    def call(method: str, path: str, form: dict[str, str] | None = None, **kwargs: Any) -> Any:
        if form is not None:
            # A form is data= to Flask's test client, form= to Quart's.
            kwargs["form" if quart else "data"] = form
        if not quart:
            with app.test_client() as client:
                response = client.open(path, method=method, **kwargs)
                return response.status_code, response.get_data(as_text=True)

        async def served() -> tuple[int, str]:
            async with app.test_app():
                response = await app.test_client().open(path, method=method, **kwargs)
                return response.status_code, await response.get_data(as_text=True)

        return served()

    run.check("json and raw body", call, "POST", "/echo", json={"a": [1, 2]})
    run.check("no json", call, "POST", "/echo", data=b"plain")
    run.check("form and values", call, "POST", "/form?q=1", form={"note": "hi"})
    run.check("template and response", call, "GET", "/page/lamp")
    run.check("resources read at setup", call, "GET", "/setup")
    run.check("the shared client", call, "GET", "/stock")
    run.check("a file and an app context in an async view", call, "GET", "/about")
    run.check("a streamed generator", call, "GET", "/numbers/3")


def test_a_flask_app_answers_the_same_as_quart(tmp_path: Path) -> None:
    written = migrated_case(tmp_path / "case", APP, RewriteOptions(target="quart"))
    assert "Quart(" in written["shop/__init__.py"]
    views = written["shop/views.py"]
    # Quart's app context is async only; a file is not; the generator's type says async.
    assert "    async with current_app.app_context():" in views
    assert (
        '    with open(os.path.join(os.path.dirname(__file__), "schema.sql")) as source:' in views
    )
    assert "async def rows(count: int) -> AsyncIterator[str]:" in views
    driver = driver_of(drive, ROUTES=ROUTES, HOSTS=("stock.example",))
    before, after = run_versions(tmp_path / "case", tmp_path / "run", driver)
    assert_same_behaviour("quart app", before, after, driver)


FACTORY_WITHOUT_PACKAGE_IMPORT = '''\
    """The shop: its factory imports from submodules only."""

    from __future__ import annotations

    from typing import Any

    from flask import Flask

    from .db import init_db
    from .views import bp


    def create_app(config: dict[str, Any]) -> Flask:
        app = Flask(__name__, instance_path=config.pop("INSTANCE"))
        app.config.update(config)
        app.register_blueprint(bp)
        init_db(app)
        return app
'''


def test_the_factory_gets_its_own_import_of_the_client_module(tmp_path: Path) -> None:
    # The factory opens the process-wide client, so it needs the clients
    # module; with no `from . import ...` to join, the import is a new line
    # after the others (not merged into `from .db import`, not above the
    # docstring or `from __future__`), and the app still serves the same.
    files = {**APP, "shop/__init__.py": FACTORY_WITHOUT_PACKAGE_IMPORT}
    written = migrated_case(tmp_path / "case", files, RewriteOptions(target="quart"))
    factory = written["shop/__init__.py"]
    lines = factory.splitlines()
    assert lines[0] == '"""The shop: its factory imports from submodules only."""'
    assert lines.count("from . import clients") == 1
    assert lines.index("from . import clients") == lines.index("from .views import bp") + 1
    assert "from .db import init_db" in lines
    driver = driver_of(drive, ROUTES=ROUTES, HOSTS=("stock.example",))
    before, after = run_versions(tmp_path / "case", tmp_path / "run", driver)
    assert_same_behaviour("quart app", before, after, driver)
