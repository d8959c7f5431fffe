"""A wait that polls a job's state (a sleep in a loop) paces the calls after it,
as a sleep does, though no data ties them: ``result(job_id)`` still asks once
the job is done, not while ``wait`` polls. A sleep in a loop's ``except`` is a
retry's pause: calls of that function are still gathered."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Jobs(BaseHTTPRequestHandler):
    """Job 1 is done after two polls; its result is a 409 until then."""

    protocol_version = "HTTP/1.1"

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.polls = 0
        self._send(201, {"id": 1})

    def do_GET(self):
        if self.path.endswith("/result"):
            done = self.server.polls >= 2
            self._send(200 if done else 409, {"pages": 3} if done else {"state": "running"})
            return
        self.server.polls += 1
        self._send(200, {"state": "done" if self.server.polls >= 2 else "running"})

    def log_message(self, *args):
        pass


def _rendered(run, jobs):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Jobs)
    server.polls = 0
    threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
    try:
        client = jobs.JobClient(f"http://127.0.0.1:{server.server_address[1]}")
        return run.call(jobs.render, client, {"doc": "a"}), server.polls
    finally:
        server.shutdown()
        server.server_close()


ROUTES = {
    "GET jobs /jobs/1": (200, {"state": "done"}),
    "GET jobs /jobs/2": (200, {"state": "queued"}),
}


def drive(run):
    jobs = run.module("jobs")
    run.check("rendered once done", _rendered, run, jobs)
    run.check("states", lambda: run.call(jobs.states, jobs.JobClient(run.url("jobs")), [1, 2]))
