import requests
from jobqueue import Queue, on

BASE = "http://reports.example.com"

queue = Queue("reports")


def fetch_report(report_id):
    response = requests.get(f"{BASE}/reports/{report_id}", timeout=5)
    response.raise_for_status()
    return response.json()


def titles(report_ids):
    return [fetch_report(report_id)["title"] for report_id in report_ids]


@queue.task
def build_report(report_id):
    report = fetch_report(report_id)
    return {"id": report_id, "title": report["title"], "rows": len(report["rows"])}


@on("report.requested")
def log_request(event):
    response = requests.post(f"{BASE}/log", json=event, timeout=5)
    return response.status_code
