import json
import os

import requests


def save_note(base, path):
    """Fetch a note and keep it in a file; how much is on disk, and what it reads back."""
    note = requests.get(f"{base}/note", timeout=5).json()
    open(path, "w").write(json.dumps(note))
    written = os.path.getsize(path)
    open(path + ".log", "a").write(note["title"] + "\n")
    return written, json.loads(open(path).read()), open(path + ".log").read()
