"""What ``migrate compare`` takes and gives, as plain data.

:class:`CompareOptions` from the command line; :class:`EndpointResult` per
scenario and the whole :class:`CompareResult` (what the terminal table, the
``--json`` document and the HTML report are made from).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .load import LatencyStats, LoadResult, distinguishable
from .replay import Difference, Exchange
from .scenario import Scenario
from .sourcediff import FunctionDiff

DEFAULT_BEFORE = "sample_legacy_app:create_app"
DEFAULT_AFTER = "sample_migrated_app:create_app"
#: The sample's last stage: ``migrate apply --to quart`` made it (ASGI, hypercorn).
SAMPLE_FINAL = "sample_quart_app:create_app"


@dataclass(frozen=True)
class CompareOptions:
    """Everything ``migrate compare`` takes on the command line."""

    before: str = DEFAULT_BEFORE
    after: str = DEFAULT_AFTER
    #: A third version beside them (e.g. the Quart stage, served by hypercorn).
    final: str | None = None
    scenarios: Path | None = None
    #: App config for both versions; ``None``: the sample upstreams' URLs (if started).
    config: dict[str, Any] | None = None
    #: Start the sample upstreams; ``None``: when no config is given and before is the sample.
    sample_upstreams: bool | None = None
    latency: float = 0.3
    repeat: int = 5
    clients: int = 8
    requests: int = 200
    duration: float = 10.0
    threads: int = 8
    report: Path | None = Path("build/compare/report.html")

    @property
    def starts_upstreams(self) -> bool:
        """Whether this run starts the sample upstream services."""
        if self.sample_upstreams is not None:
            return self.sample_upstreams
        return self.config is None and self.before.split(":")[0] == "sample_legacy_app"

    @property
    def versions(self) -> tuple[str, ...]:
        """The labels of the versions compared, in order."""
        return ("before", "after", "final") if self.final else ("before", "after")


@dataclass
class EndpointResult:
    """One scenario on both versions."""

    scenario: Scenario
    before: Exchange
    after: Exchange
    differences: list[Difference]
    before_latency: LatencyStats
    after_latency: LatencyStats
    before_view: str = ""
    after_view: str = ""
    source: list[FunctionDiff] = field(default_factory=list)
    #: The third version, when compared: its answer, timings and differences from before.
    final: Exchange | None = None
    final_latency: LatencyStats | None = None
    final_differences: list[Difference] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        """True when status, relevant headers and body matched (in every version)."""
        return not self.differences and not self.final_differences

    @property
    def final_speedup(self) -> float:
        """Median before / median of the third version (NaN without one)."""
        final = self.final_latency.p50 if self.final_latency else math.nan
        return self.before_latency.p50 / final if final and not math.isnan(final) else math.nan

    @property
    def speedup(self) -> float:
        """Median before / median after (NaN without samples)."""
        after = self.after_latency.p50
        return self.before_latency.p50 / after if after else math.nan

    @property
    def speedup_is_noise(self) -> bool:
        """Too few samples, or a difference within the noise (see ``distinguishable``)."""
        return not distinguishable(self.before_latency, self.after_latency)

    @property
    def final_speedup_is_noise(self) -> bool:
        """The same for the third version."""
        if self.final_latency is None:
            return True
        return not distinguishable(self.before_latency, self.final_latency)

    def to_json(self) -> dict[str, Any]:
        """The endpoint's figures, differences and waterfall, as plain data."""
        speedup = self.speedup
        return {
            "name": self.scenario.name,
            "method": self.scenario.method,
            "path": self.scenario.path,
            "identical": self.identical,
            "differences": [d.to_json() for d in self.differences],
            "status": {"before": self.before.status, "after": self.after.status},
            "before": self.before_latency.to_json(),
            "after": self.after_latency.to_json(),
            "speedup": None if math.isnan(speedup) else round(speedup, 2),
            "speedup_within_noise": self.speedup_is_noise,
            "view": {"before": self.before_view, "after": self.after_view},
            "upstream_calls": {
                "before": [c.to_json() for c in self.before.upstream_calls],
                "after": [c.to_json() for c in self.after.upstream_calls],
            },
            "changed_functions": [f"{d.path}:{d.qualname}" for d in self.source],
            **({"final": self._final_json()} if self.final is not None else {}),
        }

    def _final_json(self) -> dict[str, Any]:
        assert self.final is not None and self.final_latency is not None
        speedup = self.final_speedup
        return {
            "status": self.final.status,
            "latency": self.final_latency.to_json(),
            "speedup": None if math.isnan(speedup) else round(speedup, 2),
            "differences": [d.to_json() for d in self.final_differences],
            "upstream_calls": [c.to_json() for c in self.final.upstream_calls],
        }


@dataclass
class CompareResult:
    """The whole comparison; :attr:`ok` decides the exit status."""

    options: CompareOptions
    endpoints: list[EndpointResult] = field(default_factory=list)
    load: dict[str, LoadResult] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)
    upstreams_started: bool = False
    report_path: Path | None = None
    #: Folder each version's package was imported from (a copy may shadow an original).
    roots: dict[str, str] = field(default_factory=dict)

    @property
    def identical(self) -> bool:
        """Every scenario answered the same by both versions."""
        return all(e.identical for e in self.endpoints)

    @property
    def ok(self) -> bool:
        """Identical answers, no error under load, nothing alarming on either stderr."""
        return (
            self.identical
            and all(r.error_count == 0 for r in self.load.values())
            and not any(self.problems.values())
        )

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` document (see README)."""
        o = self.options
        return {
            "ok": self.ok,
            "identical": self.identical,
            "before": o.before,
            "after": o.after,
            **({"final": o.final} if o.final else {}),
            "settings": {
                "upstreams_started": self.upstreams_started,
                "upstream_latency_s": o.latency if self.upstreams_started else None,
                "repeat": o.repeat,
                "clients": o.clients,
                "requests": o.requests,
                "duration_s": o.duration,
                "server": f"waitress, {o.threads} threads, one process per version"
                + (" (hypercorn for an ASGI version)" if o.final else ""),
            },
            "roots": self.roots,
            "endpoints": [e.to_json() for e in self.endpoints],
            "load": {name: r.to_json() for name, r in self.load.items()},
            "problems": self.problems,
            "report": str(self.report_path) if self.report_path else None,
        }
