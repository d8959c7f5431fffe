"""Each app version in its own process under a real server, started and stopped cleanly.

WSGI versions run under waitress with the same settings, ASGI ones under
hypercorn (:mod:`.serve`);
their stderr is kept, because a warning printed there (an unclosed client, a
closed event loop, a traceback) is a failure even when every response was
right. The child runs with ``-W always`` so that no warning is hidden.
"""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

#: Lines of a server's stderr that count as errors.
PROBLEM_PATTERN = re.compile(r"Warning|Traceback|Event loop is closed|unclosed", re.IGNORECASE)

STARTUP_TIMEOUT = 30.0
SHUTDOWN_TIMEOUT = 10.0


class ServerError(RuntimeError):
    """An app version could not be started; the message carries its stderr."""


@dataclass
class AppProcess:
    """One app version served by ``python -m migrate.compare.serve`` in a subprocess."""

    label: str
    import_path: str
    config: dict[str, Any] = field(default_factory=dict)
    threads: int = 8
    #: Extra environment for the server (e.g. the CA bundle of HTTPS upstreams).
    env: dict[str, str] = field(default_factory=dict)
    url: str = ""
    #: The server and its settings, as the process reports them.
    server: str = ""
    package: str = ""
    root: Path | None = None
    views: list[dict[str, Any]] = field(default_factory=list)
    returncode: int | None = None
    _process: subprocess.Popen[str] | None = None
    _stderr: list[str] = field(default_factory=list)
    _stderr_thread: threading.Thread | None = None
    _stdout_lines: queue.Queue[str | None] = field(default_factory=queue.Queue)

    def start(self) -> AppProcess:
        """Spawn the process; :meth:`wait_ready` waits for its handshake."""
        env = dict(os.environ)
        # The child sees what this process imports from (a demo puts build/demo first).
        env["PYTHONPATH"] = os.pathsep.join(p or os.getcwd() for p in sys.path)
        env["PYTHONUNBUFFERED"] = "1"
        env.update(self.env)
        command = [
            sys.executable,
            "-W",
            "always",
            "-m",
            "migrate.compare.serve",
            self.import_path,
            "--config-json",
            json.dumps(self.config),
            "--threads",
            str(self.threads),
            "--sys-path-json",
            json.dumps([p or os.getcwd() for p in sys.path]),
        ]
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self._process.stdout is not None and self._process.stderr is not None
        self._stderr_thread = _pump(self._process.stderr, self._stderr.append)
        _pump(
            self._process.stdout, self._stdout_lines.put, end=lambda: self._stdout_lines.put(None)
        )
        return self

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT) -> AppProcess:
        """Block until the server prints its handshake; raise :class:`ServerError` if it dies."""
        try:
            line = self._stdout_lines.get(timeout=timeout)
        except queue.Empty:
            self.stop()
            raise ServerError(f"{self.label} ({self.import_path}) did not start in time") from None
        if line is None:
            self.stop()
            raise ServerError(
                f"{self.label} ({self.import_path}) exited at start-up:\n" + "".join(self._stderr)
            )
        handshake = json.loads(line)
        self.url = handshake["url"]
        self.server = handshake.get("server", "")
        self.package = handshake["package"]
        self.root = Path(handshake["root"])
        self.views = handshake["views"]
        return self

    def stop(self) -> None:
        """Close stdin (the server's signal to stop), wait, and kill only if it hangs."""
        process = self._process
        if process is None or self.returncode is not None:
            return
        if process.stdin is not None:
            try:
                process.stdin.close()
            except OSError:
                pass
        try:
            self.returncode = process.wait(SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            self.returncode = process.wait()
            self._stderr.append(f"{self.label} did not stop in time and was killed\n")
        if self._stderr_thread is not None:
            self._stderr_thread.join(SHUTDOWN_TIMEOUT)

    @property
    def stderr(self) -> str:
        """Everything the server wrote to stderr so far."""
        return "".join(self._stderr)

    def problems(self) -> list[str]:
        """Warnings, tracebacks and the like from stderr, plus a non-zero exit status."""
        found = [line.rstrip() for line in self._stderr if PROBLEM_PATTERN.search(line)]
        if self.returncode not in (None, 0):
            found.append(f"server exited with status {self.returncode}")
        return found

    def __enter__(self) -> AppProcess:
        return self.start().wait_ready()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _pump(stream: IO[str], sink: Any, end: Any = None) -> threading.Thread:
    def run() -> None:
        for line in stream:
            sink(line)
        stream.close()
        if end is not None:
            end()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread
