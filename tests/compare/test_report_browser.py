"""The HTML report, rendered by headless Chromium: the waterfall looks like it should.

Geometry comes from the browser itself: a copy of the report gets a small
script that writes each bar's ``getBoundingClientRect()`` into a
``data-rect`` attribute, and ``--dump-dom`` prints the result. The report
itself has no script. CI installs Debian's ``chromium`` (``.ci/run``).
"""

from __future__ import annotations

import itertools
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import CompareRun

CHROMIUM = shutil.which("chromium")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no `chromium` binary (apt-get install chromium; .ci/run does)"
)

MEASURE = """<script>
for (const bar of document.querySelectorAll(".bar")) {
  const r = bar.getBoundingClientRect();
  bar.setAttribute("data-rect", [r.left, r.top, r.width, r.height].join(","));
}
for (const label of document.querySelectorAll(".label")) {
  const hidden = label.scrollWidth > label.clientWidth || label.scrollHeight > label.clientHeight;
  label.setAttribute("data-hidden", hidden ? "1" : "0");
}
</script>"""


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1280,2000",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


class _Bars(HTMLParser):
    """Collects every element with class ``bar`` or ``label`` and its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: list[dict[str, str]] = []
        self.labels: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        classes = attributes.get("class", "").split()
        if "bar" in classes:
            self.bars.append(attributes)
        if "label" in classes:
            self.labels.append(attributes)


def _rects(bars: list[dict[str, str]], kind: str, scenario: str) -> list[tuple[float, ...]]:
    chosen = [b for b in bars if kind in b["class"].split() and b.get("data-scenario") == scenario]
    return [tuple(float(x) for x in b["data-rect"].split(",")) for b in chosen]


def test_waterfall_geometry_in_a_real_browser(sample_run: CompareRun, tmp_path: Path) -> None:
    page = tmp_path / "measured.html"
    page.write_text(
        sample_run.report.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"),
        encoding="utf-8",
    )
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    parser = _Bars()
    parser.feed(dom.stdout)
    assert parser.bars and all("data-rect" in b for b in parser.bars), "script did not run"

    before = _rects(parser.bars, "before", "dashboard")
    after = _rects(parser.bars, "after", "dashboard")
    assert len(before) == 3 and len(after) == 3
    for left, _top, width, height in before + after:
        assert width > 20 and height > 4 and left >= 0
    # Before: a staircase, each bar starting where the previous one ended.
    before.sort()
    for (l1, t1, w1, _), (l2, t2, _, _) in itertools.pairwise(before):
        assert l1 + w1 <= l2 + 1.5  # sub-pixel rounding
        assert t2 > t1  # one row per call
    # After: the three calls overlap in time, so their bars overlap in x.
    for (l1, _, w1, _), (l2, _, w2, _) in itertools.combinations(after, 2):
        overlap = min(l1 + w1, l2 + w2) - max(l1, l2)
        assert overlap > 0.5 * min(w1, w2)
    # Same time axis for both: the after calls all end before the before staircase does.
    assert max(x + w for x, _, w, _ in after) < max(x + w for x, _, w, _ in before)


def test_waterfall_labels_are_whole(sample_run: CompareRun, tmp_path: Path) -> None:
    page = tmp_path / "measured.html"
    page.write_text(
        sample_run.report.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"),
        encoding="utf-8",
    )
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    parser = _Bars()
    parser.feed(dom.stdout)
    assert parser.labels and all("data-hidden" in label for label in parser.labels)
    # Nothing is clipped: a long label wraps onto more lines instead.
    assert [label["title"] for label in parser.labels if label["data-hidden"] != "0"] == []
    # Each upstream call is labelled with the URL it requested, query string included.
    urls = {
        c["url"]
        for e in sample_run.json()["endpoints"]
        for version in ("before", "after")
        for c in e["upstream_calls"][version]
    }
    assert any("?" in url for url in urls), urls
    titles = " ".join(label["title"] for label in parser.labels)
    assert all(url in titles for url in urls)


def test_report_screenshot(sample_run: CompareRun, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", sample_run.report.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    # Non-trivial: the decoded pixels are far from a single colour.
    pixels = zlib.decompress(b"".join(_chunks(data, b"IDAT")))
    assert len(set(pixels)) > 50


def _chunks(data: bytes, kind: bytes) -> list[bytes]:
    found, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        if data[offset + 4 : offset + 8] == kind:
            found.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    return found
