"""Debian's nginx running the repository's own deploy/nginx.conf for tests: the file is read as
it is and only its addresses are rewritten (the replicas' `appN:7860` become loopback ports,
`listen 80` a free loopback port), inside a minimal main configuration in a temp folder.
`make nginx` installs the binary; tests skip, with the reason, where it is missing."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "deploy" / "nginx.conf"
# Which replica answered: added for the test only, in the http block that wraps the real file.
UPSTREAM_HEADER = "X-Test-Upstream"
MAIN = """worker_processes 1;
user root;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    add_header {header} $upstream_addr always;
    include {tmp}/estratega.conf;
}}
"""


def nginx_binary() -> str | None:
    """Debian's nginx, if installed."""
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                     else None)


def render(conf: str, replicas: list[int], port: int) -> str:
    """deploy/nginx.conf with the replicas and the listening port on loopback.

    >>> render("server app1:7860 max_fails=2;\\nserver app2:7860;\\nlisten 80;", [5, 6], 9)
    'server 127.0.0.1:5 max_fails=2;\\nserver 127.0.0.1:6;\\nlisten 127.0.0.1:9;'
    """
    for number, replica in enumerate(replicas, 1):
        conf, found = re.subn(rf"\bserver app{number}:7860\b", f"server 127.0.0.1:{replica}",
                              conf)
        if found != 1:
            raise ValueError(f"deploy/nginx.conf has no `server app{number}:7860`")
    conf, found = re.subn(r"\blisten 80;", f"listen 127.0.0.1:{port};", conf)
    if found != 1:
        raise ValueError("deploy/nginx.conf has no `listen 80;`")
    return conf


@contextmanager
def running_nginx(tmp: Path, replicas: list[int]) -> Iterator[str]:
    """nginx in front of the replicas on these loopback ports, until the context ends; its URL."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (make nginx)")
    tmp.mkdir(parents=True, exist_ok=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (tmp / "estratega.conf").write_text(render(CONF.read_text("utf-8"), replicas, port))
    (tmp / "nginx.conf").write_text(MAIN.format(tmp=tmp, header=UPSTREAM_HEADER))
    process = subprocess.Popen([binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"nginx exited: {process.stderr.read().decode()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)
