"""``python -m sample_upstreams [--latency 0.3] [--tls] [--rtt 0.02] [--loop uvloop]``.

Runs the cluster: prints one ``NAME_URL=http://...`` line per service (and,
with ``--tls``, the ``SSL_CERT_FILE=...`` and ``REQUESTS_CA_BUNDLE=...`` an
app process needs to trust the throwaway CA), then serves until SIGINT or
SIGTERM. Another process can steer it through the control routes
(``/_log``, ``/_reset``, ``/_fault``, ``/_latency``) of any service.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from .cluster import LOOPS, UpstreamCluster


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m sample_upstreams", description=__doc__)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per request")
    parser.add_argument("--api-key", default="dev-key", help="required X-Api-Key value")
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a throwaway CA")
    parser.add_argument("--rtt", type=float, default=0.0, help="network round trip in seconds")
    parser.add_argument("--loop", choices=sorted(LOOPS), default="asyncio", help="event loop")
    args = parser.parse_args(argv)

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # Installed before start(): a signal during startup still stops cleanly.
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    cluster = UpstreamCluster(
        latency=args.latency, api_key=args.api_key, tls=args.tls, rtt=args.rtt, loop=args.loop
    ).start()
    try:
        for key, url in {**cluster.app_config(), **cluster.client_env()}.items():
            print(f"{key}={url}")
        sys.stdout.flush()  # the parent process reads these lines through a pipe
        while not stop.wait(0.5):  # a timed wait keeps the main thread responsive
            pass
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
