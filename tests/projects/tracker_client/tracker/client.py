"""A small client for the Tracker REST API (issues, comments, labels)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import requests

DEFAULT_TIMEOUT = 10.0


class TrackerError(Exception):
    """The API answered with an error status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


class NotFound(TrackerError):
    """No such issue (or project)."""


@dataclass
class Issue:
    id: int
    title: str
    state: str
    labels: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict) -> Issue:
        return cls(data["id"], data["title"], data["state"], [lb["name"] for lb in data.get("labels", [])])


class TrackerClient:
    """Talks to one Tracker instance with a bearer token."""

    def __init__(
        self, base_url: str, token: str, timeout: float = DEFAULT_TIMEOUT, retries: int = 2,
        backoff: float = 0.5,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}

    def _request(self, method: str, path: str, **kwargs):
        url = self.base_url + path
        for attempt in range(self.retries + 1):
            try:
                resp = requests.request(
                    method, url, headers=self._headers(), timeout=self.timeout, **kwargs
                )
            except requests.ConnectionError:
                if attempt == self.retries:
                    raise
                time.sleep(self.backoff * 2**attempt)
                continue
            if resp.status_code >= 500 and attempt < self.retries:
                time.sleep(self.backoff * 2**attempt)
                continue
            break
        if resp.status_code == 404:
            raise NotFound(404, f"{method} {path}")
        if not resp.ok:
            raise TrackerError(resp.status_code, _error_message(resp))
        return resp

    def get_issue(self, issue_id: int) -> Issue:
        return Issue.from_json(self._request("GET", f"/issues/{issue_id}").json())

    def list_issues(self, state: str = "open", label: str | None = None) -> list[Issue]:
        params = {"state": state}
        if label:
            params["label"] = label
        return [Issue.from_json(item) for item in self._request("GET", "/issues", params=params).json()]

    def create_issue(self, title: str, labels: list[str] | None = None) -> Issue:
        body = {"title": title, "labels": labels or []}
        return Issue.from_json(self._request("POST", "/issues", json=body).json())

    def close_issue(self, issue_id: int) -> Issue:
        return Issue.from_json(
            self._request("PATCH", f"/issues/{issue_id}", json={"state": "closed"}).json()
        )

    def add_comment(self, issue_id: int, text: str) -> int:
        return self._request("POST", f"/issues/{issue_id}/comments", json={"body": text}).json()["id"]

    def delete_issue(self, issue_id: int) -> None:
        self._request("DELETE", f"/issues/{issue_id}")


def _error_message(resp) -> str:
    try:
        return resp.json().get("error", resp.text)
    except ValueError:  # not JSON
        return resp.text


def open_issue_titles(client: TrackerClient) -> list[str]:
    """Titles of every open issue, for the CLI's summary."""
    return [issue.title for issue in client.list_issues()]
