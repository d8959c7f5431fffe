"""Every blocking HTTP entry of the catalogue, each in a function that becomes async.

The request functions have an async twin (httpx.AsyncClient), so every
function below must become ``async def``; so does ``urlopen`` where every use
of its response has an httpx twin, and a response used as a file keeps urllib
(the plan says why).
``Session.send`` takes a request that requests prepared: it stays on requests,
with its session, and the plan says why.
"""
# checks: BRIDGE SPOT REVIEW

import urllib.request

import httpx
import requests

session = requests.Session()
sending = requests.Session()
client = httpx.Client()


def requests_functions(url, body):  # ASYNC: calls requests.get
    requests.get(url)  # BLOCKING: requests.get  # SPOT: sequential
    requests.post(url, json=body)  # BLOCKING: requests.post
    requests.put(url, json=body)  # BLOCKING: requests.put
    requests.patch(url, json=body)  # BLOCKING: requests.patch
    requests.delete(url)  # BLOCKING: requests.delete
    requests.head(url)  # BLOCKING: requests.head
    requests.options(url)  # BLOCKING: requests.options
    return requests.request("GET", url)  # BLOCKING: requests.request


def httpx_functions(url, body):  # ASYNC: calls httpx.get
    httpx.get(url)  # BLOCKING: httpx.get  # SPOT: sequential
    httpx.post(url, json=body)  # BLOCKING: httpx.post
    httpx.put(url, json=body)  # BLOCKING: httpx.put
    httpx.patch(url, json=body)  # BLOCKING: httpx.patch
    httpx.delete(url)  # BLOCKING: httpx.delete
    httpx.head(url)  # BLOCKING: httpx.head
    httpx.options(url)  # BLOCKING: httpx.options
    httpx.request("GET", url)  # BLOCKING: httpx.request
    with httpx.stream("GET", url) as resp:  # BLOCKING: httpx.stream
        return resp.read()


def session_methods(url, body):  # ASYNC: calls requests.Session.get
    session.get(url)  # BLOCKING: requests.Session.get  # SPOT: sequential
    session.post(url, json=body)  # BLOCKING: requests.Session.post
    session.put(url, json=body)  # BLOCKING: requests.Session.put
    session.patch(url, json=body)  # BLOCKING: requests.Session.patch
    session.delete(url)  # BLOCKING: requests.Session.delete
    session.head(url)  # BLOCKING: requests.Session.head
    session.options(url)  # BLOCKING: requests.Session.options
    return session.request("GET", url)  # BLOCKING: requests.Session.request


def session_send(url, prepared):
    sending.get(url)  # BLOCKING: requests.Session.get # REVIEW: sending is a session that other calls keep on requests
    return sending.send(prepared)  # BLOCKING: requests.Session.send # REVIEW: sends a request prepared by requests


def session_close():  # ASYNC: calls requests.Session.close
    session.close()  # BLOCKING: requests.Session.close


def client_close():  # ASYNC: calls httpx.Client.close
    client.close()  # BLOCKING: httpx.Client.close


def client_methods(url, body, request):  # ASYNC: calls httpx.Client.get
    client.get(url)  # BLOCKING: httpx.Client.get  # SPOT: sequential
    client.post(url, json=body)  # BLOCKING: httpx.Client.post
    client.put(url, json=body)  # BLOCKING: httpx.Client.put
    client.patch(url, json=body)  # BLOCKING: httpx.Client.patch
    client.delete(url)  # BLOCKING: httpx.Client.delete
    client.head(url)  # BLOCKING: httpx.Client.head
    client.options(url)  # BLOCKING: httpx.Client.options
    client.request("GET", url)  # BLOCKING: httpx.Client.request
    client.send(request)  # BLOCKING: httpx.Client.send
    with client.stream("GET", url) as resp:  # BLOCKING: httpx.Client.stream
        return resp.read()


def legacy_urlopen(url):  # ASYNC: calls urllib.request.urlopen
    with urllib.request.urlopen(url) as resp:  # BLOCKING: urllib.request.urlopen  # REVIEW: CA store
        return resp.read()


def urlopen_as_file(url):
    resp = urllib.request.urlopen(url)  # BLOCKING: urllib.request.urlopen  # REVIEW: response.fp
    return resp.fp
