#!/usr/bin/env python3
"""A Graph Store endpoint that misbehaves on purpose, for entente push tests.

Usage: fake_store.py PORTFILE LOGDIR

Listens on a free loopback port (written to PORTFILE) and serves:
  /ok          204 to everything; each request's body is saved as
               LOGDIR/body-N with the graph parameter in LOGDIR/graph-N
  /basic       401 asking for Basic only; a request with an Authorization
               header gets 400 with the request's headers echoed back
  /busy        503 with Retry-After: 1 to the first request of each graph,
               then as /ok
  /busy-long   503 with Retry-After: 100000
  /fail        500 echoing the request line (with its query string)
  /redirect    302 to a Location holding terminal escapes
Every request line and its Authorization header (if any) go to
LOGDIR/requests, one per line.
"""
import http.server
import os
import sys
import threading
import urllib.parse

portfile, logdir = sys.argv[1], sys.argv[2]
lock = threading.Lock()
state = {"n": 0, "busy": set()}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def answer(self, status, text=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def handle_any(self):
        url = urllib.parse.urlsplit(self.path)
        graph = urllib.parse.parse_qs(url.query).get("graph", [""])[0]
        auth = self.headers.get("Authorization")
        with lock:
            with open(os.path.join(logdir, "requests"), "a") as log:
                log.write(f"{self.command} {self.path} {auth or '-'}\n")
        # Answer 100-continue's wait by reading the body first.
        data = self.body()
        if url.path == "/ok" or (url.path == "/busy" and graph in state["busy"]):
            with lock:
                state["n"] += 1
                n = state["n"]
            with open(os.path.join(logdir, f"body-{n}"), "wb") as f:
                f.write(data)
            with open(os.path.join(logdir, f"graph-{n}"), "w") as f:
                f.write(graph)
            self.answer(204)
        elif url.path == "/busy":
            with lock:
                state["busy"].add(graph)
            self.answer(503, b"busy", [("Retry-After", "1")])
        elif url.path == "/busy-long":
            self.answer(503, b"busy", [("Retry-After", "100000")])
        elif url.path == "/basic":
            if auth:
                echoed = "".join(f"{k}: {v}\n" for k, v in self.headers.items())
                self.answer(400, ("Bad request. You sent:\n" + echoed).encode())
            else:
                self.answer(401, b"login", [("WWW-Authenticate", 'Basic realm="store"')])
        elif url.path == "/fail":
            self.answer(500, f"failed: {self.command} {self.path}".encode())
        elif url.path == "/redirect":
            self.answer(302, b"", [("Location", "http://127.0.0.1/\x1b[31mred\x07" + "\u202e".encode().decode("latin-1") + "gnp.exe")])
        else:
            self.answer(404, b"no such endpoint")

    do_PUT = do_POST = do_DELETE = do_GET = handle_any


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(portfile + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(portfile + ".tmp", portfile)
server.serve_forever()
