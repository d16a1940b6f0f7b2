#!/usr/bin/env python3
"""Two dossier binaries side by side on one benchmark corpus, runs alternating (A B A B ...),
so that a shared, noisy machine slows both alike. For "no slower than the previous commit".

Per binary: the median wall time and peak RSS of
  full      a first build (no output folder, no manifest),
  nothing   a rebuild over its own previous output with nothing changed,
  one       a rebuild after one article was edited (the first change after a full build),
  again     the same after a second edit (a rebuild's steady state; the edit is undone afterwards).
and B/A ratios.

  side_by_side.py --a OLD/dossier --b NEW/dossier [--articles 10000] [--entities 500] [--runs 5]
                  [--templates-a OLD/templates] [--full-only]

--templates-a gives A its own commit's theme (a baseline from before a template changed);
--full-only times only the first build of each run (pairs come twice as fast).
"""
import argparse, os, shutil, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "bench")


sys.path.insert(0, HERE)
from bench import timed  # noqa: E402  (wall seconds and peak RSS of one command, via /usr/bin/time)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--a", required=True, help="baseline binary")
    ap.add_argument("--b", required=True, help="binary under test")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--entities", type=int, default=500)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/tmp/dossier-side-by-side")
    ap.add_argument("--templates", default=os.path.join(ROOT, "templates"))
    ap.add_argument("--templates-a", help="A's theme, when it differs from B's (default: --templates)")
    ap.add_argument("--full-only", action="store_true", help="time only the first build of each run")
    a = ap.parse_args()
    corpus = os.path.join(a.work, f"n{a.articles}-e{a.entities}")
    if not os.path.isdir(os.path.join(corpus, "content")):
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(SHARED, "gen_corpus.py"), corpus, "--articles", str(a.articles),
                        "--entities", str(a.entities)], check=True, stdout=subprocess.DEVNULL)
    binaries = {"A": os.path.abspath(a.a), "B": os.path.abspath(a.b)}
    themes = {"A": os.path.abspath(a.templates_a or a.templates), "B": os.path.abspath(a.templates)}
    kinds = ("full",) if a.full_only else ("full", "nothing", "one", "again")
    article = sorted(os.listdir(os.path.join(corpus, "content", "articles")))[0]
    article_path = os.path.join(corpus, "content", "articles", article)
    original = open(article_path, encoding="utf-8").read()
    results = {(name, kind): [] for name in binaries for kind in kinds}
    for run in range(a.runs):
        for name, binary in binaries.items():
            out = "public-" + name
            cmd = [binary, "build", "--content", "content", "--templates", themes[name], "--output", out]
            shutil.rmtree(os.path.join(corpus, out), ignore_errors=True)
            for leftover in os.listdir(corpus):
                if leftover.startswith("." + out + ".dossier-"):
                    shutil.rmtree(os.path.join(corpus, leftover), ignore_errors=True)
                    if os.path.exists(os.path.join(corpus, leftover)):
                        os.remove(os.path.join(corpus, leftover))
            results[(name, "full")].append(timed(cmd, corpus))
            if a.full_only:
                print(f"run {run + 1} {name}: full {results[(name, 'full')][-1][0]:.2f} s", flush=True)
                continue
            results[(name, "nothing")].append(timed(cmd, corpus))
            try:
                with open(article_path, "w", encoding="utf-8") as f:
                    f.write(original + "\nएक नया वाक्य, दौर %d।\n" % run)
                results[(name, "one")].append(timed(cmd, corpus))
                with open(article_path, "w", encoding="utf-8") as f:
                    f.write(original + "\nएक और वाक्य, दौर %d।\n" % run)
                results[(name, "again")].append(timed(cmd, corpus))
            finally:
                with open(article_path, "w", encoding="utf-8") as f:
                    f.write(original)
            print(f"run {run + 1} {name}: " + ", ".join(f"{k} {results[(name, k)][-1][0]:.2f} s" for k in ("full", "nothing", "one", "again")), flush=True)
    print(f"\n{a.articles} articles, {a.entities} extra people, {a.runs} alternating runs; A = {a.a}, B = {a.b}")
    print("| step | A wall | B wall | B/A | A peak | B peak | B/A |")
    print("|---|---|---|---|---|---|---|")
    for kind in kinds:
        wa = statistics.median(w for w, _ in results[("A", kind)])
        wb = statistics.median(w for w, _ in results[("B", kind)])
        ma = statistics.median(m for _, m in results[("A", kind)])
        mb = statistics.median(m for _, m in results[("B", kind)])
        print(f"| {kind} | {wa:.2f} s | {wb:.2f} s | {wb / wa:.3f} | {ma:.0f} MB | {mb:.0f} MB | {mb / ma:.3f} |")


if __name__ == "__main__":
    main()
