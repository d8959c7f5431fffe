"""Client classes: every way an instance reaches its callers, legacy vs migrated.

The golden case ``async-propagation/instance-flow`` holds a class holding a
session and its instances reached through ``self``, a constructor, a factory
from another module, a module global, an annotated parameter, a class
attribute annotation and an attribute of another object.
"""

from __future__ import annotations

from pathlib import Path

from sample_upstreams import UpstreamCluster

from .runner import compare_case

SCENARIOS = [
    "name_via_constructor(SOCIAL_URL, 1)",
    "name_via_factory(2)",
    "name_via_default(3)",
    "handle_of(connect(), 1)",
    "Profiles(connect()).card(2)",
    "Directory(SOCIAL_URL).cards([1, 2, 3])",
    "followed_names(1)",
    "name_via_factory(999)",
    "Directory(SOCIAL_URL).cards([1, 999])",
]


def test_instances_behave_the_same_wherever_they_flow(
    upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    legacy, _ = compare_case(
        "async-propagation/instance-flow",
        ["crm.service"],
        SCENARIOS,
        upstreams,
        tmp_path,
    )
    outcomes = list(legacy.outcomes.values())
    assert outcomes[0] == {"value": "User 1"}
    assert outcomes[-2] == {"raised": "requests.HTTPError"}
    assert sum(legacy.requests.values()) > len(SCENARIOS)
