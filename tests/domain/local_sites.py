"""Real web servers on 127.0.0.1 for the site check: plain HTTP, HTTPS with a certificate from
a throw-away test CA, and HTTPS with a self-signed certificate. Certificates are made with the
openssl command-line tool (the `cryptography` package is not a dependency)."""

import ssl
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EC_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]


@dataclass(frozen=True)
class Certificates:
    ca: Path  # trust this to accept `leaf`
    leaf: Path
    leaf_key: Path
    self_signed: Path  # trusted by nobody
    self_signed_key: Path


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certificates(directory: Path) -> Certificates:
    d = directory
    _openssl(
        "req", "-x509", *EC_KEY, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=Tendlc test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=d,
    )  # fmt: skip
    (d / "leaf.ext").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n"
        "subjectKeyIdentifier=hash\n"
        "authorityKeyIdentifier=keyid\n"
    )
    _openssl("req", *EC_KEY, "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=127.0.0.1",
             cwd=d)  # fmt: skip
    _openssl(
        "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "leaf.pem", "-days", "2", "-extfile", "leaf.ext",
        cwd=d,
    )  # fmt: skip
    _openssl(
        "req", "-x509", *EC_KEY, "-keyout", "self.key", "-out", "self.pem", "-days", "2",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        cwd=d,
    )  # fmt: skip
    return Certificates(
        d / "ca.pem", d / "leaf.pem", d / "leaf.key", d / "self.pem", d / "self.key"
    )


@dataclass(frozen=True)
class Reply:
    body: str = ""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    location: str = ""
    delay: float = 0.0  # seconds before answering (a slow site)


class LocalSite:
    """A running server; `url(path)` gives its address."""

    def __init__(self, server: ThreadingHTTPServer, scheme: str):
        self.server, self.scheme = server, scheme
        self.port = server.server_address[1]
        self.requests: list[str] = []

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"


@contextmanager
def serve(routes: dict[str, Reply], *, cert: Path | None = None, key: Path | None = None):
    """Serve `routes` (path → Reply; anything else is 404) until the block ends."""
    stop = threading.Event()
    site: LocalSite

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            site.requests.append(self.path)
            reply = routes.get(self.path, Reply("<h1>Not found</h1>", status=404))
            if reply.delay and stop.wait(reply.delay):
                return
            body = reply.body.replace("{port}", str(site.port)).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(body)))
            if reply.location:
                self.send_header("Location", reply.location.replace("{port}", str(site.port)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    site = LocalSite(server, "https" if cert else "http")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield site
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)


def elapsed(fn, *args, **kwargs):
    start = time.monotonic()
    result = fn(*args, **kwargs)
    return result, time.monotonic() - start
