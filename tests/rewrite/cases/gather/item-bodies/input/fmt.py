"""Formatting helpers: values from their arguments, nothing else."""


def label(info, issues):
    parts = {"name": info["name"], "count": len(issues)}
    return f"{parts['name']} ({parts['count']} open)"
