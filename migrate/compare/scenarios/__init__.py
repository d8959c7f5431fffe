"""Scenario files: the requests ``migrate compare`` replays against both apps."""
