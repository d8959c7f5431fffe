import json

import requests

session = requests.Session()


def first_line(url):
    with session.get(url, stream=True, timeout=10) as resp:
        return next(resp.iter_lines())


def first_line_text(url):
    with session.get(url, stream=True, timeout=10) as resp:
        return next(resp.iter_lines()).decode()


def all_lines(url):
    with session.get(url, stream=True, timeout=10) as resp:
        return list(resp.iter_lines())


def body(url):
    with session.get(url, stream=True, timeout=10) as resp:
        return b"".join(resp.iter_content(chunk_size=3))


def text(url):
    with session.get(url, stream=True, timeout=10) as resp:
        return "".join(resp.iter_content(chunk_size=3, decode_unicode=True))


def header_and_rows(url):
    with session.get(url, stream=True, timeout=10) as resp:
        lines = resp.iter_lines()
        header = json.loads(next(lines))
        rows = []
        for line in lines:
            rows.append(line.decode())
        return header, rows


def head_and_rest(url):
    resp = session.get(url, stream=True, timeout=10)
    chunks = resp.iter_content(4)
    first = next(chunks, b"")
    rest = sorted(chunks)
    resp.close()
    return first, rest


def each_line(url):
    with session.get(url, stream=True, timeout=10) as resp:
        yield from resp.iter_lines()


def kept_and_last(url):
    with session.get(url, stream=True, timeout=10) as resp:
        lines = resp.iter_lines(decode_unicode=True)
        first = [line for line in lines if "columns" in line]
        return first, max(lines, default=None)


def every_line(url):
    with session.get(url, stream=True, timeout=10) as resp:
        lines = resp.iter_lines()
        seen = []
        while True:
            try:
                seen.append(next(lines))
            except (StopIteration, KeyError):
                return seen


def ids(url):
    with session.get(url, stream=True, timeout=10) as resp:
        lines = resp.iter_lines()
        next(lines)
        return [json.loads(line)["id"] for line in lines]


def count(lines):
    return sum(1 for _ in lines)


def counted(url):
    with session.get(url, stream=True, timeout=10) as resp:
        return count(resp.iter_lines())


def fields(url):
    with session.get(url, stream=True, timeout=10) as resp:
        return [field for field in resp.iter_lines(delimiter=b"}")]
