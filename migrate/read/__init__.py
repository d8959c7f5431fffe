"""Stage 1, read: find the Python files of a project and decode them faithfully."""
