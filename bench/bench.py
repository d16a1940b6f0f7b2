#!/usr/bin/env python3
"""`make bench`: Dossier against Hugo and against cmark-gfm, measured side by side in one run.

1. Full build, 10,000 articles / 500 extra people: ../shared/bench/vs_hugo.py (alternating
   runs, median wall time and peak RSS, ratios dossier/hugo).
2. Throughput: the same build next to `cat content/articles/*.md | cmark-gfm` (median of 3).
   2b. Rebuild over the previous output with nothing changed, Dossier and Hugo alternating.
3. Scaling: at 1,000, 10,000, 30,000 and 100,000 articles (N/20 extra people): wall, user
   and system time, peak RSS, files and bytes written; Hugo beside it at 10,000 and 30,000;
   and the 100,000-article build's time over the 10,000-article one's (bound: 11).
4. Edit → live-reload event: `dossier serve` on the seed dossier and on 10,000 articles,
   `hugo server` on the same 10,000 (bench/reload_latency.py).

  bench.py --dossier .build/release/dossier [--quick] [--work /tmp/dossier-bench]
"""
import argparse, os, statistics, subprocess, sys, tempfile, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "bench")

def run(cmd, **kw):
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)

def measured(cmd, cwd):
    """Wall, user and system seconds and peak RSS (MB) of one run."""
    with tempfile.NamedTemporaryFile("r") as t:
        subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name] + cmd, cwd=cwd, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, user, system, rss = t.read().split()[-4:]
        return {"wall": float(wall), "user": float(user), "system": float(system), "rss": int(rss) / 1024}

def timed(cmd, cwd):
    """Wall seconds and peak RSS (MB) of one run."""
    run = measured(cmd, cwd)
    return run["wall"], run["rss"]

def folder_size(path):
    """Files and bytes under path."""
    files = size = 0
    for folder, _, names in os.walk(path):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(folder, name)).st_size
    return files, size

def corpus(work, n, e, hugo=False):
    path = os.path.join(work, f"n{n}-e{e}")
    if not os.path.isdir(os.path.join(path, "dossier")) or (hugo and not os.path.isdir(os.path.join(path, "hugo"))):
        args = [sys.executable, os.path.join(SHARED, "gen_corpus.py"), os.path.join(path, "dossier"), "--articles", str(n), "--entities", str(e)]
        if hugo: args += ["--hugo", os.path.join(path, "hugo")]
        shutil.rmtree(path, ignore_errors=True)
        run(args, stdout=subprocess.DEVNULL)
    return path

def dossier_build(dossier, site, templates):
    shutil.rmtree(os.path.join(site, "public"), ignore_errors=True)
    return timed([dossier, "build", "--content", "content", "--templates", templates, "--output", "public"], site)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", required=True)
    ap.add_argument("--work", default="/tmp/dossier-bench")
    ap.add_argument("--quick", action="store_true", help="1 run each, scaling at 1,000 and 10,000 only")
    a = ap.parse_args()
    dossier = os.path.abspath(a.dossier)
    templates = os.path.join(ROOT, "templates")
    runs = 1 if a.quick else 3
    lines = []

    print("\n== 1. full build vs Hugo (10,000 articles)", flush=True)
    out = subprocess.run([sys.executable, os.path.join(SHARED, "vs_hugo.py"), "--dossier", dossier, "--articles", "10000",
                          "--entities", "500", "--runs", str(runs), "--templates", templates, "--work", a.work],
                         check=True, capture_output=True, text=True).stdout
    print(out, flush=True)
    lines += ["full build, 10,000 articles: " + l.strip() for l in out.strip().splitlines()]

    print("== 2. throughput vs cmark-gfm (10,000 articles)", flush=True)
    site = os.path.join(corpus(a.work, 10000, 500, hugo=True), "dossier")
    articles = os.path.join(site, "content", "articles")
    cmark = statistics.median(timed(["sh", "-c", f"cat {articles}/*.md | cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist > /dev/null"], site)[0] for _ in range(3))
    build = statistics.median(dossier_build(dossier, site, templates)[0] for _ in range(3))
    line = f"throughput: dossier build {build:.2f} s, cmark-gfm alone {cmark:.2f} s, ratio {build / cmark:.1f}x"
    print(line, flush=True); lines.append(line)

    print("\n== 2b. rebuild over the previous output, nothing changed (10,000 articles)", flush=True)
    # Dossier leaves unchanged files alone (its manifest); Hugo writes every file again.
    big = corpus(a.work, 10000, 500, hugo=True)
    dsite, hsite = os.path.join(big, "dossier"), os.path.join(big, "hugo")
    d_cmd = [dossier, "build", "--content", "content", "--templates", templates, "--output", "public"]
    h_cmd = ["hugo", "--quiet", "--destination", "public"]
    timed(d_cmd, dsite); timed(h_cmd, hsite)
    rows = {"dossier": [], "hugo": []}
    for _ in range(runs):
        rows["dossier"].append(timed(d_cmd, dsite)[0])
        rows["hugo"].append(timed(h_cmd, hsite)[0])
    d, h = statistics.median(rows["dossier"]), statistics.median(rows["hugo"])
    line = f"rebuild, nothing changed: dossier {d:.2f} s, hugo {h:.2f} s, ratio {d / h:.3f}"
    print(line, flush=True); lines.append(line)

    print("\n== 3. scaling: 1,000, 10,000, 30,000 and 100,000 articles (N/20 extra people), Hugo beside at 10,000 and 30,000", flush=True)
    sizes = [1000, 10000] if a.quick else [1000, 10000, 30000, 100000]
    walls = {}
    table = ["| articles | wall | user | system | peak RSS | files | bytes | Hugo wall | Hugo peak RSS | wall ratio | RSS ratio |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for n in sizes:
        with_hugo = n in (10000, 30000)
        base = corpus(a.work, n, n // 20, hugo=with_hugo)
        dsite, hsite = os.path.join(base, "dossier"), os.path.join(base, "hugo")
        d_cmd = [dossier, "build", "--content", "content", "--templates", templates, "--output", "public"]
        h_cmd = ["hugo", "--quiet", "--destination", "public"]
        d_runs, h_runs = [], []
        for _ in range(1 if n == 100000 else runs):
            # Each a first build: the output removed and written back to disk before the clock starts.
            shutil.rmtree(os.path.join(dsite, "public"), ignore_errors=True); os.sync()
            d_runs.append(measured(d_cmd, dsite))
            if with_hugo:
                shutil.rmtree(os.path.join(hsite, "public"), ignore_errors=True); os.sync()
                h_runs.append(measured(h_cmd, hsite))
        d = {k: statistics.median(r[k] for r in d_runs) for k in d_runs[0]}
        files, size = folder_size(os.path.join(dsite, "public"))
        walls[n] = d["wall"]
        row = f"| {n:,} | {d['wall']:.2f} s | {d['user']:.2f} s | {d['system']:.2f} s | {d['rss']:.0f} MB | {files:,} | {size / 1e6:,.0f} MB |"
        if with_hugo:
            h = {k: statistics.median(r[k] for r in h_runs) for k in h_runs[0]}
            row += f" {h['wall']:.2f} s | {h['rss']:.0f} MB | {d['wall'] / h['wall']:.3f} | {d['rss'] / h['rss']:.3f} |"
        else:
            row += " | | | |"
        print(row, flush=True); table.append(row)
    for line in table: lines.append(line)
    if 100000 in walls:
        line = f"scaling: 100,000 articles took {walls[100000] / walls[10000]:.2f} times the 10,000-article build (bound: 11)"
        print(line, flush=True); lines.append(line)

    print("\n== 4. edit → reload", flush=True)
    seed = tempfile.mkdtemp(prefix="dossier-seed-")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(seed, "content"))
    out = subprocess.run([sys.executable, os.path.join(HERE, "reload_latency.py"), "--dossier", dossier, "--site", seed,
                          "--templates", templates, "--edits", "5"], check=True, capture_output=True, text=True).stdout
    print(out, flush=True); lines += ["reload, seed dossier: " + l for l in out.strip().splitlines()]
    shutil.rmtree(seed, ignore_errors=True)
    big = corpus(a.work, 10000, 500, hugo=True)
    out = subprocess.run([sys.executable, os.path.join(HERE, "reload_latency.py"), "--dossier", dossier,
                          "--site", os.path.join(big, "dossier"), "--hugo-site", os.path.join(big, "hugo"),
                          "--templates", templates, "--edits", "5"], check=True, capture_output=True, text=True).stdout
    print(out, flush=True); lines += ["reload, 10,000 articles: " + l for l in out.strip().splitlines()]

    print("\n== summary")
    for line in lines: print(line)

if __name__ == "__main__":
    main()
