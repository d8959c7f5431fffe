"""Every bridge-only entry of the catalogue (and time.sleep and tenacity's retrying
loop, which have twins).

Processes, files, console input, sockets and sqlite3 have no async twin in
our dependency set: the functions that make these calls stay sync and are
not converted. ``time.sleep`` does have one (``asyncio.sleep``).
"""
# checks: BRIDGE OFFLOAD SPOT REVIEW

import http.client
import io
import os
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import urllib3
from tenacity import Retrying, stop_after_attempt


def back_off(seconds):  # ASYNC: calls time.sleep
    time.sleep(seconds)  # BLOCKING: time.sleep


def retried(check):  # ASYNC: calls tenacity.Retrying
    for attempt in Retrying(stop=stop_after_attempt(3)):  # BLOCKING: tenacity.Retrying
        with attempt:
            check()


def retrying_made():
    # Made and handed on, not looped over: nothing sleeps here.
    return Retrying(stop=stop_after_attempt(3))


def below_requests(url, host):
    pool = urllib3.PoolManager()
    pool.request("GET", url)  # BLOCKING: urllib3.PoolManager.request
    pool.urlopen("GET", url)  # BLOCKING: urllib3.PoolManager.urlopen
    urllib3.request("GET", url)  # BLOCKING: urllib3.request
    one = urllib3.HTTPConnectionPool(host)
    one.request("GET", "/")  # BLOCKING: urllib3.HTTPConnectionPool.request
    one.urlopen("GET", "/")  # BLOCKING: urllib3.HTTPConnectionPool.urlopen
    conn = http.client.HTTPSConnection(host, timeout=5)
    conn.connect()  # BLOCKING: http.client.HTTPConnection.connect
    conn.request("GET", "/")  # BLOCKING: http.client.HTTPConnection.request
    return conn.getresponse().status  # BLOCKING: http.client.HTTPConnection.getresponse


def through_an_opener(url, handlers):
    opener = urllib.request.build_opener(*handlers)
    return opener.open(url).read()  # BLOCKING: urllib.request.OpenerDirector.open # BLOCKING: http.client.HTTPResponse.read


def reading_a_response(host):
    conn = http.client.HTTPConnection(host, timeout=5)
    conn.request("GET", "/")  # BLOCKING: http.client.HTTPConnection.request
    response = conn.getresponse()  # BLOCKING: http.client.HTTPConnection.getresponse
    first = response.readline()  # BLOCKING: http.client.HTTPResponse.readline
    return first, response.readlines()  # BLOCKING: http.client.HTTPResponse.readlines


def run_processes(cmd):
    subprocess.Popen(cmd)  # BLOCKING: subprocess.Popen
    os.popen("ls")  # BLOCKING: os.popen
    subprocess.run(cmd)  # BLOCKING: subprocess.run
    subprocess.call(cmd)  # BLOCKING: subprocess.call
    subprocess.check_call(cmd)  # BLOCKING: subprocess.check_call
    subprocess.check_output(cmd)  # BLOCKING: subprocess.check_output
    subprocess.getoutput("ls")  # BLOCKING: subprocess.getoutput
    subprocess.getstatusoutput("ls")  # BLOCKING: subprocess.getstatusoutput
    os.system("ls")  # BLOCKING: os.system


def wait_for_children(pid):
    os.wait()  # BLOCKING: os.wait
    os.waitpid(pid, 0)  # BLOCKING: os.waitpid
    os.wait3(0)  # BLOCKING: os.wait3
    os.wait4(pid, 0)  # BLOCKING: os.wait4


def read_files(path):
    with open(path) as f:  # BLOCKING: builtins.open
        first = f.read()
    with io.open(path) as f:  # BLOCKING: io.open
        second = f.read()
    with Path(path).open() as f:  # BLOCKING: pathlib.Path.open
        return first + second + f.read()


def ask(prompt):
    return input(prompt)  # BLOCKING: builtins.input


def talk(host, port, payload):
    conn = socket.create_connection((host, port))  # BLOCKING: socket.create_connection
    socket.getaddrinfo(host, port)  # BLOCKING: socket.getaddrinfo
    sock = socket.socket()
    sock.connect((host, port))  # BLOCKING: socket.socket.connect
    sock.sendall(payload)  # BLOCKING: socket.socket.sendall
    data = sock.recv(1024)  # BLOCKING: socket.socket.recv
    server = socket.socket()
    server.accept()  # BLOCKING: socket.socket.accept
    conn.close()
    return data


def store(path, rows):
    conn = sqlite3.connect(path)  # BLOCKING: sqlite3.connect
    conn.execute("CREATE TABLE IF NOT EXISTS t (a, b)")  # BLOCKING: sqlite3.Connection.execute
    conn.executemany("INSERT INTO t VALUES (?, ?)", rows)  # BLOCKING: sqlite3.Connection.executemany
    conn.executescript("DELETE FROM t;")  # BLOCKING: sqlite3.Connection.executescript
    conn.commit()  # BLOCKING: sqlite3.Connection.commit
    conn.rollback()  # BLOCKING: sqlite3.Connection.rollback
    cur = conn.cursor()
    cur.execute("SELECT 1")  # BLOCKING: sqlite3.Cursor.execute
    cur.executemany("INSERT INTO t VALUES (?, ?)", rows)  # BLOCKING: sqlite3.Cursor.executemany
    one = cur.fetchone()  # BLOCKING: sqlite3.Cursor.fetchone
    some = cur.fetchmany(2)  # BLOCKING: sqlite3.Cursor.fetchmany
    rest = cur.fetchall()  # BLOCKING: sqlite3.Cursor.fetchall
    conn.close()  # BLOCKING: sqlite3.Connection.close
    return one, some, rest
