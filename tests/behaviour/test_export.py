"""CSV export that follows the catalogue's `next` links."""

from __future__ import annotations

import csv
import io

from sample_upstreams import UpstreamCluster

from .support import LiveApp


def test_export_streams_every_page_as_csv(live: LiveApp, upstreams: UpstreamCluster) -> None:
    response = live.get("/export/products.csv")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == "attachment; filename=products.csv"
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["sku", "name", "price_cents"]
    assert rows[1] == ["SKU-001", "Product 1", "100"]
    assert rows[-1] == ["SKU-015", "Product 15", "1500"]
    assert len(rows) == 16
    queries = [e.query for e in sorted(upstreams.log.entries(), key=lambda e: e.seq)]
    assert queries == ["page=1", "page=2", "page=3"]
