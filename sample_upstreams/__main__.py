"""``python -m sample_upstreams [--latency 0.3]``: run the cluster for a demo.

Prints one ``NAME_URL=http://...`` line per service, then serves until SIGINT or
SIGTERM. Another process can steer it through the control routes
(``/_log``, ``/_reset``, ``/_fault``, ``/_latency``) of any service.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from .cluster import UpstreamCluster


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m sample_upstreams", description=__doc__)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per request")
    parser.add_argument("--api-key", default="dev-key", help="required X-Api-Key value")
    args = parser.parse_args(argv)

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # Installed before start(): a signal during startup still stops cleanly.
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    cluster = UpstreamCluster(latency=args.latency, api_key=args.api_key).start()
    try:
        for key, url in cluster.app_config().items():
            print(f"{key}={url}")
        sys.stdout.flush()  # the parent process reads these lines through a pipe
        while not stop.wait(0.5):  # a timed wait keeps the main thread responsive
            pass
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
