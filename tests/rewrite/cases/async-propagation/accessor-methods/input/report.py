from ci import CiError, Server

server = Server("http://ci.example.com")


def summary(name):
    job = server.job(name)
    try:
        green = job.is_green()
    except CiError:
        return f"{name}: missing"
    build = job.last_build()
    return f"{name}: #{build['number']} {build['result']} ({'green' if green else 'red'})"


def all_summaries():
    return [summary(name) for name in server.job_names()]
