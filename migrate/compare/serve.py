"""Serve one app version in its own process: ``python -m migrate.compare.serve``.

The parent (:mod:`migrate.compare.runner`) starts one of these per app
version, so the versions share nothing but the upstream services. A WSGI
app runs under waitress, an ASGI app (Quart) under hypercorn. The
first stdout line is JSON: the base URL, the package folder and every URL
rule with the module and function behind it (the parent maps scenario paths
to view functions from it, without importing either app itself). The
process serves until its stdin closes.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys
from pathlib import Path
from typing import Any

from .server import is_asgi, serve_app


def load_factory(import_path: str) -> Any:
    """``"package.module:create_app"`` -> the factory object."""
    module_name, _, attr = import_path.partition(":")
    module = importlib.import_module(module_name)
    target: Any = module
    for part in (attr or "create_app").split("."):
        target = getattr(target, part)
    return target


def describe_views(app: Any) -> list[dict[str, Any]]:
    """Every URL rule of a Flask app, with the module and function that serve it."""
    views = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        func = inspect.unwrap(app.view_functions[rule.endpoint])
        views.append(
            {
                "rule": rule.rule,
                "methods": sorted(rule.methods or ()),
                "endpoint": rule.endpoint,
                "module": func.__module__,
                "qualname": func.__qualname__,
            }
        )
    return views


def main(argv: list[str] | None = None) -> None:
    """Create the app from its factory, serve it, print the handshake, wait for EOF."""
    parser = argparse.ArgumentParser(prog="python -m migrate.compare.serve")
    parser.add_argument("import_path", help="app factory, e.g. sample_legacy_app:create_app")
    parser.add_argument("--config-json", default="{}", help="config passed to the factory")
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads")
    parser.add_argument(
        "--sys-path-json", default=None, help="import path to use (the parent's sys.path)"
    )
    args = parser.parse_args(argv)
    if args.sys_path_json:
        # `python -m` put the working directory first; the parent's order must win so
        # that a copy of a package (build/demo/sample_migrated_app) shadows the original.
        sys.path[:] = json.loads(args.sys_path_json)

    config = json.loads(args.config_json)
    try:
        factory = load_factory(args.import_path)
        app = factory(config) if callable(factory) else factory
    except Exception as exc:
        # The parent shows this line: a wrong import path or a factory that
        # fails is the user's input, not a crash of ours.
        sys.stderr.write(f"cannot start {args.import_path}: {type(exc).__name__}: {exc}\n")
        sys.exit(2)
    package = importlib.import_module(args.import_path.partition(":")[0].split(".")[0])
    root = Path(package.__file__ or ".").parent
    with serve_app(app, threads=args.threads) as base_url:
        handshake: dict[str, Any] = {
            "url": base_url,
            "server": "hypercorn (1 worker, asyncio)"
            if is_asgi(app)
            else f"waitress ({args.threads} threads)",
            "package": package.__name__,
            "root": str(root),
            "views": describe_views(app) if hasattr(app, "url_map") else [],
        }
        sys.stdout.write(json.dumps(handshake) + "\n")
        sys.stdout.flush()
        # The parent closes our stdin to stop us; a read is the simplest wait.
        sys.stdin.read()


if __name__ == "__main__":
    main()
