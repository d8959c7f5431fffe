"""Tracker API client."""

from .client import Issue, NotFound, TrackerClient, TrackerError

__all__ = ["Issue", "NotFound", "TrackerClient", "TrackerError"]
