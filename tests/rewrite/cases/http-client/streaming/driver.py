"""Streamed downloads: iter_content to a file, iter_lines."""

ROUTES = {"GET api.example.com /file": (200, {"lines": ["a", "b"]})}


def drive(run):
    downloads = run.module("downloads")
    url = run.url("api.example.com") + "/file"
    target = run.root / "out.bin"

    def download():
        run.call(downloads.download, url, target)
        return target.read_bytes()

    run.check("download", download)
    run.check("lines", downloads.lines, url)
    run.check("download missing", downloads.download, url + "/nowhere", target)
    run.check("raw head", downloads.raw_head, url)


GAPS = {
    # httpx has no file object for a body: a TODO says to use aiter_raw().
    "raw head": "resp.raw",
}
