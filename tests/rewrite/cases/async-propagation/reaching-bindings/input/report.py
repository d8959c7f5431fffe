from requesters import TracingRequester
from server import Server

server = Server("http://ci.example.com")
traced = Server("http://ci.example.com", trace=True)


def summary(name):
    build = server.build(name)
    return f"{name}: #{build['number']} {build['result']}"


def all_summaries():
    return [summary(name) for name in server.copy().job_names()]


def traced_paths(name):
    traced.build(name)
    return traced.requester.seen


def retraced(name):
    copy = server.copy()
    copy.requester = TracingRequester(copy.base)
    copy.build(name)
    return copy.requester.seen
