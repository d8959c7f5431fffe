"""A migrated endpoint that answers differently is caught, named, and fails the run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from .conftest import ROOT, run_cli


def _broken_copy(tmp_path: Path) -> Path:
    """A copy of sample_migrated_app, as ``broken_app``, whose search upper-cases the query."""
    folder = tmp_path / "apps"
    shutil.copytree(
        ROOT / "sample_migrated_app",
        folder / "broken_app",
        ignore=shutil.ignore_patterns("__pycache__", "*.sqlite3"),
    )
    search = folder / "broken_app" / "views" / "search.py"
    source = search.read_text(encoding="utf-8")
    good = 'return jsonify(query=query, results=data["results"])'
    assert source.count(good) == 1
    search.write_text(
        source.replace(good, 'return jsonify(query=query.upper(), results=data["results"])'),
        encoding="utf-8",
    )
    return folder


def test_a_different_body_is_reported_and_fails(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path)
    scenarios = tmp_path / "scenarios.json"
    scenarios.write_text(
        json.dumps(
            {
                "ignore_headers": ["date", "server", "content-length"],
                "scenarios": [
                    {"name": "dashboard", "path": "/api/dashboard?city=Porto"},
                    {"name": "search", "path": "/api/search?q=lamp"},
                ],
            }
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)])}
    report = tmp_path / "report.html"
    run = run_cli(
        "--after",
        "broken_app:create_app",
        "--scenarios",
        str(scenarios),
        "--latency",
        "0.05",
        "--repeat",
        "1",
        "--requests",
        "8",
        "--clients",
        "2",
        "--report",
        str(report),
        env=env,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    out = " ".join(run.stdout.split())  # the table may wrap
    assert "different: search (GET /api/search?q=lamp)" in out
    assert 'body.query before: "lamp" after: "LAMP"' in out
    assert "different: dashboard" not in out
    assert f"report: {report}" in out
    html = report.read_text(encoding="utf-8")
    assert "DIFFERENT" in html
    # The changed line shows up in the search endpoint's source diff.
    assert "+    return jsonify(query=query.upper()" in html
