#!/usr/bin/env python3
"""Time from saving a one-article edit to the live-reload event, for `dossier serve` and
`hugo server`, on the same corpus.

  reload_latency.py --dossier BIN --site DOSSIER_DIR [--hugo-site HUGO_DIR] [--edits 5] [--templates T]

DOSSIER_DIR holds content/ (and gets public/); HUGO_DIR is a Hugo site. For each edit the
same article gets a new sentence; for dossier the clock stops at the SSE `reload` event,
for Hugo at its livereload websocket message ("reload"). Prints median milliseconds.
"""
import argparse, os, re, socket, statistics, subprocess, sys, time, base64, json

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def wait_for_port(port, proc, seconds=600):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close(); return
        except OSError:
            time.sleep(0.1)
    sys.exit("server did not start")

def first_article(folder):
    return os.path.join(folder, sorted(f for f in os.listdir(folder) if f.endswith(".md"))[0])

def edit(path, n):
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\nरूस और उत्तर कोरिया ने संपादन {n} पर चर्चा की।\n")

def sse_reload_times(port, path, edits):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    s.settimeout(60)
    buf = b""
    while b": connected" not in buf: buf += s.recv(4096)
    times = []
    for n in range(edits):
        time.sleep(0.5); buf = b""
        start = time.perf_counter(); edit(path, n)
        while b"event: reload" not in buf:
            chunk = s.recv(65536)
            if not chunk: sys.exit("event stream closed")
            buf += chunk
            if b"event: errors" in buf: sys.exit("rebuild failed: " + buf.decode(errors="replace"))
        times.append((time.perf_counter() - start) * 1000)
    s.close(); return times

def ws_reload_times(port, path, edits):
    s = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall(f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    s.settimeout(120)
    buf = b""
    while b"\r\n\r\n" not in buf: buf += s.recv(4096)
    hello = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}).encode()
    mask = os.urandom(4)
    s.sendall(bytes([0x81, 0x80 | len(hello)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(hello)))
    times = []
    for n in range(edits):
        time.sleep(1.0); buf = b""
        start = time.perf_counter(); edit(path, n)
        while b'"reload"' not in buf:
            chunk = s.recv(65536)
            if not chunk: sys.exit("hugo websocket closed")
            buf += chunk
        times.append((time.perf_counter() - start) * 1000)
    s.close(); return times

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", required=True); ap.add_argument("--site", required=True)
    ap.add_argument("--templates", default="templates"); ap.add_argument("--hugo-site")
    ap.add_argument("--edits", type=int, default=5)
    a = ap.parse_args()
    results = {}
    port = free_port()
    article = first_article(os.path.join(a.site, "content", "articles"))
    original = open(article, encoding="utf-8").read()
    proc = subprocess.Popen([os.path.abspath(a.dossier), "serve", "--port", str(port), "--content", "content",
                             "--templates", os.path.abspath(a.templates)], cwd=a.site,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_port(port, proc)
        times = sse_reload_times(port, article, a.edits)
        results["dossier"] = statistics.median(times)
        print(f"dossier serve: edit → reload median {results['dossier']:.0f} ms  (runs: {', '.join(f'{t:.0f}' for t in times)})")
    finally:
        proc.terminate(); proc.wait()
        open(article, "w", encoding="utf-8").write(original)
    if a.hugo_site:
        port = free_port()
        article = first_article(os.path.join(a.hugo_site, "content", "articles"))
        original = open(article, encoding="utf-8").read()
        proc = subprocess.Popen(["hugo", "server", "--port", str(port), "--bind", "127.0.0.1", "--quiet"], cwd=a.hugo_site,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            wait_for_port(port, proc)
            times = ws_reload_times(port, article, a.edits)
            results["hugo"] = statistics.median(times)
            print(f"hugo server:   edit → reload median {results['hugo']:.0f} ms  (runs: {', '.join(f'{t:.0f}' for t in times)})")
        finally:
            proc.terminate(); proc.wait()
            open(article, "w", encoding="utf-8").write(original)
        print(f"ratio reload dossier/hugo = {results['dossier'] / results['hugo']:.3f}")

if __name__ == "__main__":
    main()
