def test_list_badges(project):
    assert [badge.name for badge in project.badges.list()] == ["ci"]


def test_delete_badge(project):
    badge = project.badges.get(7, lazy=True)
    assert badge.delete() is None
