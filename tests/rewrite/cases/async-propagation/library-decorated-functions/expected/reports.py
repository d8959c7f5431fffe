import httpx
import requests
from asgiref.sync import async_to_sync
from jobqueue import Queue, on

from _async_helpers import TLS_CONTEXT, gather_in_order

BASE = "http://reports.example.com"

queue = Queue("reports")


async def fetch_report(report_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/reports/{report_id}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def titles(report_ids):
    reports = await gather_in_order(
        (fetch_report(report_id) for report_id in report_ids), limit=10
    )
    return [report["title"] for report in reports]


@queue.task
def build_report(report_id):
    report = async_to_sync(fetch_report)(report_id)
    return {"id": report_id, "title": report["title"], "rows": len(report["rows"])}


@on("report.requested")
def log_request(event):
    response = requests.post(f"{BASE}/log", json=event, timeout=5)
    return response.status_code
