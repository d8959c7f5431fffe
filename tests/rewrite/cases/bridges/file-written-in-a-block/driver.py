"""Files opened in a ``with`` block in code that becomes async. A block that
only calls things (``out.write(data)``, ``json.dump(index, out)``) goes whole
into a function run on a worker thread, ``await sync_to_async(write_file,
thread_sensitive=False)()``: the open, every write and the close are made
there, as they were made on the caller's thread. Before, only the ``open()``
was offloaded and the writes and the close blocked the event loop. A block
that returns what it reads keeps the offloaded ``open()``
(tests/rewrite/test_file_blocks.py checks where the writes run)."""

ROUTES = {
    "GET files.example.com /reports/r1": (200, {"total": 3}),
    "GET files.example.com /reports/r2": (200, {"total": 5}),
}


def drive(run):
    store = run.module("store")
    folder = str(run.root)
    run.check("report", store.saved_report, folder, "r1")
    run.check("index", store.saved_index, folder, ["r1", "r2"])
