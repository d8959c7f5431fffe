"""Kill test: SIGKILL ``migrate apply`` at random moments; the next apply must settle it.

A tree of generated modules (HTTP clients, services calling them across
modules, fan-outs, tests, a requirements file) is migrated once without
interruption: that is the expected tree. Then, trial after trial, a fresh
copy is migrated and the ``migrate apply`` process (only it, not its
workers) is killed with SIGKILL: a third of the trials at a random moment
of the run, a third while it writes its journal, a third while it replaces
files (the moments that matter). After each kill:

* no file is partial: every file holds its original bytes or the migrated ones;
* no worker process of the killed run is left;
* after one more ``migrate apply`` the tree equals the expected tree.

Prints one line per trial and the totals; exit status 1 if any trial failed.

    python scripts/kill_test.py                 # 30 trials, 300 files
    python scripts/kill_test.py --trials 3 --files 80
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLIENT = """\
import time

import requests

BASE = "http://127.0.0.1:9/{n}"


def fetch_{n}(item):
    response = requests.get(f"{{BASE}}/items/{{item}}", timeout=5)
    response.raise_for_status()
    return response.json()


def wait_{n}():
    time.sleep(0.01)
"""
SERVICE = """\
from pkg{p}.client{a} import fetch_{a}
from pkg{q}.client{b} import fetch_{b}


def combined_{n}(item):
    first = fetch_{a}(item)
    second = fetch_{b}(item)
    return {{"first": first, "second": second}}


def many_{n}(items):
    return [fetch_{a}(item) for item in items]
"""
VIEW = """\
from pkg{p}.service{s} import combined_{s}


def view_{n}(item):
    data = combined_{s}(item)
    return data["first"]
"""
PLAIN = """\
def helper_{n}(values):
    return sorted(set(values))
"""
TEST = """\
from pkg{p}.view{v} import view_{v}


def test_view_{v}(monkeypatch):
    assert callable(view_{v})
"""


TEMPORARY = re.compile(r"(.*/)?\.[^/]+\.py\.\w+\.migrate$")


def generate(root: Path, files: int) -> None:
    """About ``files`` Python files in packages of 20, every kind of edit among them."""
    packages = max(1, files // 20)
    for p in range(packages):
        (root / f"pkg{p}").mkdir(parents=True)
        (root / f"pkg{p}" / "__init__.py").write_text("")
    (root / "tests").mkdir()
    made: dict[str, list[int]] = {"client": [], "service": [], "view": []}
    for n in range(files - packages):
        p = n % packages
        pkg = root / f"pkg{p}"
        kind = ("client", "service", "view", "test", "plain")[n % 5]
        if kind == "client":
            (pkg / f"client{n}.py").write_text(CLIENT.format(n=n))
        elif kind == "service":
            a, b = made["client"][-1], made["client"][len(made["client"]) // 2]
            text = SERVICE.format(n=n, p=a % packages, a=a, q=b % packages, b=b)
            (pkg / f"service{n}.py").write_text(text)
        elif kind == "view":
            s = made["service"][-1]
            (pkg / f"view{n}.py").write_text(VIEW.format(n=n, p=s % packages, s=s))
        elif kind == "test":
            v = made["view"][-1]
            (root / "tests" / f"test_view{v}.py").write_text(TEST.format(p=v % packages, v=v))
        else:
            (pkg / f"plain{n}.py").write_text(PLAIN.format(n=n))
        made.setdefault(kind, []).append(n)
    (root / "requirements.txt").write_text("flask>=3\nrequests>=2.31\n")


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".migrate" not in p.parts and "__pycache__" not in p.parts
    }


def apply(root: Path, jobs: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "migrate", "apply", str(root), "--force", "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def finish(root: Path, jobs: int) -> tuple[int, str]:
    proc = apply(root, jobs)
    _, err = proc.communicate()
    return proc.returncode, err.decode("utf-8", "replace")


def processes_mentioning(marker: str) -> list[int]:
    """Live processes whose command line names ``marker`` (forked workers keep it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
            state = (entry / "stat").read_text().rsplit(") ", 1)[1][0]
        except (OSError, IndexError):
            continue
        if marker in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def wait_for(path: Path, proc: subprocess.Popen[bytes], limit: float) -> bool:
    """Wait until ``path`` appears (the run reached that point) or the run ends."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            return True
        time.sleep(0.001)
    return False


def trial(
    number: int, source: Path, work: Path, expected: dict[str, bytes], args: argparse.Namespace
) -> list[str]:
    """One kill and the settling run; the problems found (none: it held)."""
    rng = random.Random(args.seed * 1000 + number)
    root = work / f"trial{number}"
    shutil.copytree(source, root)
    original = snapshot(root)
    proc = apply(root, args.jobs)
    pending = root / ".migrate" / "pending"
    if number % 3 == 0:
        moment = "random"
        time.sleep(rng.uniform(0, args.duration * 1.1))
    elif number % 3 == 1:
        moment = "staging"  # the journal is being written
        wait_for(pending, proc, args.duration * 3)
        time.sleep(rng.uniform(0, 0.02))
    else:
        moment = "replacing"  # the journal is complete, files are being replaced
        wait_for(pending / "manifest.json", proc, args.duration * 3)
        time.sleep(rng.uniform(0, 0.03))
    killed = proc.poll() is None
    proc.kill()
    proc.wait()
    assert proc.stderr is not None
    proc.stderr.close()
    problems = []
    after_kill = snapshot(root)
    # A kill inside an atomic write leaves its temporary file (the next apply
    # removes it); any other file must hold its old or its new bytes.
    partial = [
        rel
        for rel, data in after_kill.items()
        if data != original.get(rel) and data != expected.get(rel) and not TEMPORARY.match(rel)
    ]
    problems += [f"partial file {rel}" for rel in partial]
    # Workers notice within their watch interval; give them a few seconds.
    leaked: list[int] = []
    for _ in range(50):
        leaked = processes_mentioning(str(root))
        if not leaked:
            break
        time.sleep(0.1)
    problems += [f"worker {pid} outlived the run" for pid in leaked]
    for pid in leaked:
        os.kill(pid, signal.SIGKILL)
    changed = sum(1 for rel, data in after_kill.items() if data != original.get(rel))
    status, err = finish(root, args.jobs)
    if status != 0:
        problems.append(f"the next apply exited {status}: {err.strip()[-300:]}")
    final = snapshot(root)
    if final != expected:
        differ = sorted(k for k in set(final) | set(expected) if final.get(k) != expected.get(k))
        problems.append(f"tree differs from the one-shot run: {', '.join(differ[:5])}")
    state = "killed" if killed else "had finished"
    print(
        f"trial {number:3d}: kill at {moment:9s} ({state}), {changed:3d} files changed"
        f" when killed, {'ok' if not problems else '; '.join(problems)}",
        flush=True,
    )
    shutil.rmtree(root, ignore_errors=True)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="migrate-kill-") as tmp:
        work = Path(tmp)
        source = work / "source"
        generate(source, args.files)
        once = work / "once"
        shutil.copytree(source, once)
        started = time.monotonic()
        status, err = finish(once, args.jobs)
        args.duration = time.monotonic() - started
        if status != 0:
            print(f"the uninterrupted run failed ({status}): {err.strip()}")
            return 1
        expected = snapshot(once)
        changed = sum(1 for k, v in expected.items() if snapshot(source).get(k) != v)
        status, err = finish(once, args.jobs)
        if status != 0 or snapshot(once) != expected:
            print(f"a second uninterrupted run changed the tree ({status}): {err.strip()}")
            return 1
        print(
            f"tree: {len(snapshot(source))} files, {changed} changed by one uninterrupted"
            f" run of {args.duration:.1f} s; {args.trials} trials, seed {args.seed}",
            flush=True,
        )
        failed = 0
        for number in range(args.trials):
            if trial(number, source, work, expected, args):
                failed += 1
    print(f"kill test: {args.trials} trials, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
