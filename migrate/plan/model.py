"""The plan: dataclasses with a JSON form (schema ``migrate-plan/2``) that apply can read."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from ..analyse.decisions import BridgeKind
from ..analyse.model import Framework, SpotKind
from .codec import from_data, to_data
from .edits import FileEdits

SCHEMA = "migrate-plan/2"


class PlanError(ValueError):
    """A plan that cannot be carried out: another schema, or a project changed since."""


@dataclass(frozen=True)
class Where:
    path: str
    line: int
    col: int = 0


@dataclass(frozen=True)
class ChainLink:
    """One step of a reason chain: ``function`` (at ``where``) calls ``calls``."""

    function: str
    calls: str
    where: Where


# What a converted function is, for the reader (a framework's kinds first).
ConversionKind = (
    Framework
    | Literal["decorator-wrapper", "generator", "relay", "method", "nested-function", "function"]
)


@dataclass(frozen=True)
class Conversion:
    """A function that becomes ``async def`` (a "relay" stays a ``def`` that hands
    back the async generator it calls: ``return self.iterkeys()``)."""

    function: str
    where: Where
    kind: ConversionKind
    reason: str  # one sentence
    chain: tuple[ChainLink, ...]
    http_methods: tuple[str, ...] = ()


@dataclass(frozen=True)
class BlockingSite:
    """A catalogue call found in the project."""

    function: str
    where: Where
    name: str
    family: str
    code: str
    action: str
    replacement: str


@dataclass(frozen=True)
class BridgeSite:
    function: str
    where: Where
    callee: str
    kind: BridgeKind
    why: str
    thread_sensitive: bool = False
    is_reference: bool = False


@dataclass(frozen=True)
class ConcurrencySpot:
    function: str
    where: Where
    kind: SpotKind
    calls: tuple[str, ...]
    safe: bool
    reason: str
    bounded: bool = False
    expected_gain: str = ""
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReviewItem:
    function: str
    where: Where
    reason: str
    # Carried out as planned, this leaves a call of a function that became async
    # without await (see analyse.decisions.Review).
    unawaited: bool = False


@dataclass(frozen=True)
class StepItem:
    """One step of a gradual migration: a command that keeps the app runnable."""

    number: int
    modules: tuple[str, ...]
    functions: tuple[str, ...]
    command: str
    why: str


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str


@dataclass(frozen=True)
class PlannedFile:
    """A Python file the plan was made from, as read then (``path`` as found)."""

    module: str
    path: str
    digest: str  # sha256 of its bytes

    @staticmethod
    def digest_of(raw: bytes) -> str:
        """The digest ``PlannedFile`` records for a file's bytes."""
        return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Plan:
    """What ``migrate apply`` will do to the project, and what it will not."""

    roots: tuple[str, ...]
    files_total: int
    files_analysed: int
    conversions: tuple[Conversion, ...]
    blocking_calls: tuple[BlockingSite, ...]
    bridges: tuple[BridgeSite, ...]
    concurrency: tuple[ConcurrencySpot, ...]
    needs_review: tuple[ReviewItem, ...]
    failures: tuple[Failure, ...]
    options: dict[str, Any] = field(default_factory=dict)
    steps: tuple[StepItem, ...] = ()
    # Files the rewrite touches for reasons the lists above don't show (an
    # except clause mapped to httpx, a test's mocks, a gather, an unwound bridge).
    edited_files: tuple[str, ...] = ()
    # What ``migrate apply`` carries out: every file of the project as it was
    # read (apply refuses a plan older than the files) and the edits per file.
    sources: tuple[PlannedFile, ...] = ()
    edits: tuple[FileEdits, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        return {
            "files": self.files_total,
            "files_analysed": self.files_analysed,
            "files_to_change": len(self.files_to_change),
            "functions_to_convert": len(self.conversions),
            "blocking_calls": len(self.blocking_calls),
            "bridges": len(self.bridges),
            "concurrency_spots": sum(1 for s in self.concurrency if s.safe),
            "kept_sequential": sum(1 for s in self.concurrency if not s.safe),
            "needs_review": len(self.needs_review),
            "failures": len(self.failures),
        }

    @property
    def files_to_change(self) -> tuple[str, ...]:
        """Every Python file ``migrate apply`` will rewrite (see ``edited_files``)."""
        paths = {c.where.path for c in self.conversions}
        paths |= {b.where.path for b in self.bridges}
        paths |= set(self.edited_files)
        return tuple(sorted(paths))

    def to_json(self) -> dict[str, Any]:
        """The documented JSON form (docs/plan-schema.md)."""
        data = {
            "schema": SCHEMA,
            "roots": list(self.roots),
            "options": self.options,
            "summary": self.summary,
            "files_to_change": list(self.files_to_change),
            "conversions": [asdict(c) for c in self.conversions],
            "blocking_calls": [asdict(b) for b in self.blocking_calls],
            "bridges": [asdict(b) for b in self.bridges],
            "concurrency": [asdict(s) for s in self.concurrency],
            "needs_review": [asdict(r) for r in self.needs_review],
            "failures": [asdict(f) for f in self.failures],
        }
        if self.steps:
            data["steps"] = [asdict(s) for s in self.steps]
        data["sources"] = to_data(self.sources)
        data["edits"] = to_data(self.edits)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        """The plan ``to_json`` wrote (``migrate apply --plan``)."""
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            found = data.get("schema") if isinstance(data, dict) else type(data).__name__
            raise PlanError(
                f"not a {SCHEMA} plan (schema: {found}); make it with migrate plan --json"
            )
        # The fields to_json writes under other names: the counts in the summary;
        # files_to_change, which holds edited_files and the files the lists name.
        summary = data.get("summary") or {}
        data = {
            **data,
            "files_total": summary.get("files"),
            "files_analysed": summary.get("files_analysed"),
            "edited_files": data.get("files_to_change", []),
        }
        try:
            plan: Plan = from_data(cls, data)
        except (KeyError, TypeError, ValueError) as exc:
            raise PlanError(f"the plan is not well formed ({type(exc).__name__}: {exc})") from None
        return plan
