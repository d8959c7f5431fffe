"""An instance kept in a container (``self.rooms[room_id] = room``, ``room`` just
made) is no class used as a value: the class's constructor stays typed by its
call sites, so what it is given flows on (see typeflow), and nothing is left for
review."""

from __future__ import annotations

from pathlib import Path

from migrate.analyse.run import analyse_paths

CASE = Path(__file__).parents[1] / "rewrite/cases/async-propagation/instances-kept-in-containers"


def test_an_instance_kept_in_a_dict_keeps_its_class_typed() -> None:
    analysis = analyse_paths([CASE / "input"])
    assert "user.User.display_name" in analysis.colouring.async_functions
    assert analysis.graph.flow is not None
    assert analysis.graph.flow.state[("attr", "room.Room", "client")] == "client.Client"
    assert not analysis.colouring.review
