#!/usr/bin/env python3
"""The preview server under load while its content is edited (make load).

  serve_load.py --dossier BIN [--seconds 30] [--connections 64] [--threads 2] [--edit-every 0.5]

Copies content/ and templates/ to a temporary folder, starts `dossier serve` there on a
free loopback port, and runs wrk against it, requesting every page and data file in turn,
while one article is rewritten (by rename, as editors save) every --edit-every seconds,
alternately with and without an added sentence naming two entities, so that each save
rebuilds the article and the entity pages it reaches. The server's resident memory is
sampled every second. Fails (exit 1) on any failed request (socket error, status other
than 200), any HTML page served without its end, any failed rebuild, or memory that grows
by more than a quarter from the first third of the run to the last.
"""
import argparse, os, re, shutil, signal, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossier", default=os.path.join(ROOT, ".build/release/dossier"))
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--edit-every", type=float, default=0.5)
    args = parser.parse_args()
    args.dossier = os.path.abspath(args.dossier)

    work = tempfile.mkdtemp(prefix="dossier-load-")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(work, "content"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(work, "templates"))
    server = subprocess.Popen([args.dossier, "serve", "--content", "content", "--templates", "templates",
                               "--output", "public", "--port", "0"], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = []
    port = None
    for line in server.stdout:
        log.append(line)
        found = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if found:
            port = int(found.group(1))
            break
    if port is None:
        sys.exit("dossier serve did not start:\n" + "".join(log))
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()

    public = os.path.join(work, "public")
    paths = sorted("/" + os.path.relpath(os.path.join(folder, name), public)
                   for folder, _, names in os.walk(public) for name in names)
    paths_file = os.path.join(work, "paths.txt")
    with open(paths_file, "w") as f:
        f.write("\n".join(paths) + "\n")

    article = os.path.join(work, "content/articles/2024-11-30-belousov-kim-pyongyang-talks.md")
    original = open(article, encoding="utf-8").read()
    stop = threading.Event()
    edits = [0]
    def edit():
        while not stop.wait(args.edit_every):
            edits[0] += 1
            text = original + (f"\nरूस और उत्तर कोरिया ने संपादन {edits[0]} पर चर्चा की।\n" if edits[0] % 2 else "")
            with open(article + ".tmp", "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(article + ".tmp", article)
    samples = []
    def sample():
        while not stop.wait(1.0):
            samples.append(rss_kb(server.pid))
    threads = [threading.Thread(target=edit), threading.Thread(target=sample)]
    rss_start = rss_kb(server.pid)
    for thread in threads: thread.start()
    wrk = subprocess.run(["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.seconds}s",
                          "--latency", "-s", os.path.join(ROOT, "bench/serve_load.lua"), f"http://127.0.0.1:{port}/"],
                         env=dict(os.environ, DOSSIER_PATHS=paths_file), capture_output=True, text=True)
    stop.set()
    for thread in threads: thread.join()
    time.sleep(1)
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
    out = wrk.stdout
    print(out + wrk.stderr)

    def number(pattern, default=0.0):
        found = re.search(pattern, out)
        return float(found.group(1)) if found else default
    requests = number(r"(\d+) requests in")
    rate = number(r"Requests/sec:\s+([\d.]+)")
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = number(r"Non-2xx or 3xx responses: (\d+)")
    truncated = number(r"truncated_html=(\d+)")
    not_200 = number(r"not_200=(\d+)")
    rebuilt = sum(1 for line in log if line.startswith("rebuilt"))
    rebuild_failed = sum(1 for line in log if "rebuild failed" in line)
    third = max(1, len(samples) // 3)
    early, late = statistics.median(samples[:third]), statistics.median(samples[-third:])
    print(f"pages and files requested in turn: {len(paths)}; edits: {edits[0]}; rebuilds: {rebuilt}; failed rebuilds: {rebuild_failed}")
    print(f"requests: {int(requests)}, {rate:.0f}/s; socket errors: {socket_errors}; non-2xx/3xx: {int(non_2xx)}; "
          f"not 200: {int(not_200)}; truncated HTML: {int(truncated)}")
    for p in ["50", "90", "99", "99.9"]:
        milliseconds = number(r"latency_p" + re.escape(p) + r"_ms=([\d.]+)")
        print(f"latency p{p}: {milliseconds:.2f} ms")
    print(f"server RSS: {rss_start / 1024:.1f} MB before load, median {early / 1024:.1f} MB in the first third, "
          f"{late / 1024:.1f} MB in the last third, max {max(samples) / 1024:.1f} MB")
    shutil.rmtree(work, ignore_errors=True)
    problems = []
    if "dossier: truncated_html=" not in out: problems.append("the wrk script did not report (see above)")
    if requests == 0: problems.append("no requests")
    if socket_errors or non_2xx or not_200: problems.append("failed requests")
    if truncated: problems.append("half-written pages")
    if rebuild_failed or rebuilt == 0: problems.append("rebuilds failed or none happened")
    if late > early * 1.25: problems.append("memory grew")
    if problems:
        sys.exit("FAILED: " + ", ".join(problems))
    print("held: no failed request, no half-written page, memory flat")

if __name__ == "__main__":
    main()
