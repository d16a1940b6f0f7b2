#!/usr/bin/env python3
"""Hostile inputs at two sizes: each construct of issue 12 as one article (or registry) of the
seed dossier, built at 100 KB and at 1 MB; wall time, peak RSS and output size side by side.
Linear cost means the 1 MB figures stay within 10 times the 100 KB ones.

  bench/hostile.py --dossier .build/release/dossier [--sizes 100000,1000000] [--only table,www]
                   [--work /tmp/dossier-hostile] [--timeout 300]

Not part of `make test`: the tests assert bounds by size and shape, never by time.
"""
import argparse, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def repeat(unit, size):
    """`unit` repeated to about `size` bytes of UTF-8 (whole units only)."""
    return unit * max(0, size // len(unit.encode()))


def front(title="परीक्षण"):
    return f'---\ntitle: "{title}"\ndate: 2024-11-30\nsource: Bench\n---\n'


# Each construct: size -> {relative path under content/: text}.
def table(size):
    columns = 1000
    head = "|" + "a|" * columns + "\n|" + "-|" * columns + "\n"
    return {"articles/zz-hostile.md": front() + head + repeat("|x\n", size - len(head))}

def body(unit):
    return lambda size: {"articles/zz-hostile.md": front() + repeat(unit, size)}

def backticks(size):
    out, n, i = [], 0, 1
    while n < size:
        piece = "e" + "`" * (i % 4000 + 1)
        out.append(piece); n += len(piece); i += 1
    return {"articles/zz-hostile.md": front() + "".join(out)[:size]}

def nested_lists(size):
    out, n, i = [], 0, 0
    while n < size:
        piece = "  " * (i % 2000) + "* a\n"
        out.append(piece); n += len(piece); i += 1
    return {"articles/zz-hostile.md": front() + "".join(out)[:size]}

def meeting(size):
    # One meeting whose participants are every person of a registry of `size` bytes.
    people, ids, n, i = [], [], 0, 0
    while n < size:
        entry = f"- id: p{i}\n  name: Person {i}\n  aliases: [व्यक्ति{i}]\n"
        people.append(entry); ids.append(f"p{i}"); n += len(entry) + len(f"p{i}, "); i += 1
    seed = open(os.path.join(ROOT, "content/entities/meetings.yml"), encoding="utf-8").read()
    big = ("- id: 2024-01-01-everyone\n  name: Everyone\n  date: 2024-01-01\n  place: Pyongyang\n"
           "  countries: [russia]\n  participants: [" + ", ".join(ids) + "]\n  aliases: []\n")
    base = open(os.path.join(ROOT, "content/entities/people.yml"), encoding="utf-8").read()
    return {"entities/people.yml": base + "".join(people), "entities/meetings.yml": seed + big}

def many_entities(size):
    # A registry of people and one sentence naming each of them (half the size each).
    people, names, n, i = [], [], 0, 0
    while n < size // 2:
        entry = f"- id: q{i}\n  name: Q {i}\n  aliases: [नाम{i}क]\n"
        people.append(entry); names.append(f"नाम{i}क"); n += len(entry); i += 1
    base = open(os.path.join(ROOT, "content/entities/people.yml"), encoding="utf-8").read()
    sentence = ", ".join(names)
    sentence = sentence[: size // 2] if len(sentence.encode()) > size // 2 else sentence
    return {"entities/people.yml": base + "".join(people), "articles/zz-hostile.md": front() + sentence + "।\n"}

def many_aliases(size):
    # One person with aliases making up the registry's size, and an article naming a few.
    aliases, n, i = [], 0, 0
    while n < size:
        alias = f"उपनाम{i}क"; aliases.append(alias); n += len(alias.encode()) + 2; i += 1
    base = open(os.path.join(ROOT, "content/entities/people.yml"), encoding="utf-8").read()
    entry = "- id: many\n  name: Many\n  aliases: [" + ", ".join(aliases) + "]\n"
    return {"entities/people.yml": base + entry, "articles/zz-hostile.md": front() + " ".join(aliases[::max(1, i // 50)]) + "।\n"}

def reference_expansion(size):
    # One reference definition with a long destination, used over and over: each use writes it again.
    url = "https://example.org/" + "a" * 2000
    return {"articles/zz-hostile.md": front() + f"[x]: {url}\n\n" + repeat("[x] ", size - len(url))}

def many_references(size):
    # Thousands of reference definitions, each used once.
    defs, uses, n, i = [], [], 0, 0
    while n < size:
        d, u = f"[r{i}]: /u{i}\n", f"[r{i}] "
        defs.append(d); uses.append(u); n += len(d) + len(u); i += 1
    return {"articles/zz-hostile.md": front() + "".join(uses) + "\n\n" + "".join(defs)}

def one_letter_alias(size):
    # A registry alias of one letter, and an article where it stands as a word again and again.
    base = open(os.path.join(ROOT, "content/entities/people.yml"), encoding="utf-8").read()
    return {"entities/people.yml": base + "- id: letter\n  name: Letter\n  aliases: [क]\n",
            "articles/zz-hostile.md": front() + repeat("क ख। ", size)}

CONSTRUCTS = {
    "table": table,                                  # header of 1,000 columns, then one-cell rows
    "empty-list-items": body("-\n"),
    "emphasis-in-quotes": body("> *a\n"),
    "empty-items-in-quotes": body("> -\n"),
    "broken-images": body("![[]()"),
    "www-autolinks": body("www._"),
    "mixed-emphasis": body("*a _a*_ "),
    "email-autolinks": body("a@"),
    "backticks": backticks,
    "nested-lists": nested_lists,
    "nested-quotes": body("> "),
    "nested-quotes-and-lists": body("> - "),         # ever deeper quotes and list items on one line
    "link-openers": body("[a"),
    "unclosed-links": body("[a](<b"),
    "long-sentence": body("रूस "),                     # one "sentence" without an end mark, one alias
    # किम names two people, both named in full first: each किम is resolved from its context.
    "ambiguous-alias": lambda size: {"articles/zz-hostile.md": front() + "किम जोंग-उन और किम योंग-ह्यून " + repeat("किम ", size)},
    "meeting-participants": meeting,
    "one-sentence-entities": many_entities,
    "many-aliases": many_aliases,                    # one person with aliases filling the registry
    # Beyond the table:
    "nested-links": lambda size: {"articles/zz-hostile.md": front() + "[" * (size // 5) + "a" + "](b)" * (size // 5)},
    "reference-expansion": reference_expansion,     # a 2 KB destination used by every [x]
    "many-references": many_references,             # a definition per use
    "unclosed-comments": body("<!-- a "),             # inline HTML comments never closed
    "unclosed-html-blocks": body("<!--\n\n"),       # HTML blocks opened by <!-- and never closed
    "one-letter-alias": one_letter_alias,           # the alias क standing alone, over and over
}


def build(dossier, work, files, timeout):
    if os.path.isdir(work): shutil.rmtree(work)
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(work, "content"))
    for path, text in files.items():
        with open(os.path.join(work, "content", path), "w", encoding="utf-8") as f: f.write(text)
    with tempfile.NamedTemporaryFile("r") as t:
        try:
            p = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name, dossier, "build", "--content", "content",
                                "--templates", os.path.join(ROOT, "templates"), "--output", "public"],
                               cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        wall, rss = t.read().split()[-2:]
    out = 0
    for folder, _, names in os.walk(os.path.join(work, "public")):
        for name in names: out += os.path.getsize(os.path.join(folder, name))
    leftovers = [n for n in os.listdir(work) if n.startswith("public.") or ".tmp" in n]
    return float(wall), int(rss) / 1024, out, p.returncode, leftovers


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", required=True)
    ap.add_argument("--work", default="/tmp/dossier-hostile")
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--keep", action="store_true", help="leave the built sites in --work to read")
    a = ap.parse_args()
    dossier = os.path.abspath(a.dossier)
    sizes = [int(s) for s in a.sizes.split(",")]
    names = [n for n in CONSTRUCTS if not a.only or n in a.only.split(",")]
    print(f"{'construct':24} {'size':>9} {'seconds':>8} {'peak MB':>8} {'output MB':>10} {'out/in':>7} exit")
    for name in names:
        for size in sizes:
            files = CONSTRUCTS[name](size)
            result = build(dossier, os.path.join(a.work, name), files, a.timeout)
            if result is None:
                print(f"{name:24} {size:>9} {'>' + str(a.timeout):>8}  (timed out)", flush=True)
                continue
            wall, rss, out, rc, leftovers = result
            inp = sum(len(t.encode()) for t in files.values())
            note = f" leftovers: {leftovers}" if leftovers else ""
            print(f"{name:24} {size:>9} {wall:>8.2f} {rss:>8.0f} {out / 1e6:>10.1f} {out / inp:>7.1f} {rc}{note}", flush=True)
    if not a.keep: shutil.rmtree(a.work, ignore_errors=True)


if __name__ == "__main__":
    main()
