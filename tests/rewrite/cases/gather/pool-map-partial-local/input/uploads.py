"""Uploads in chunks, a pool's threads each sending one."""

from concurrent.futures import ThreadPoolExecutor
from functools import partial

import requests


class Uploader:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def _upload(self, operation, chunk, wait=False):
        response = self.session.post(
            f"{self.base}/{operation}", json={"rows": chunk, "wait": wait}
        )
        response.raise_for_status()
        return response.json()["id"]

    def upload(self, operation, chunks, workers=1):
        if workers == 1:
            return [self._upload(operation, chunk) for chunk in chunks]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            worker = partial(self._upload, operation, wait=True)
            results = pool.map(worker, chunks)
        return list(results)
