#!/usr/bin/env python3
"""Statements and figures (issue 16) against the seed fixture (`make eval`; not part of `make test`).

Runs `dossier check --statements --figures` on the seed dossier (content/) and compares what it
finds with Tests/DossierKitTests/Fixtures/research/seed-statements.yml and seed-figures.yml,
which were written by reading the five seed articles before the finders existed.

A statement found matches one of the fixture when it is in the same article, its text holds the
fixture's text, and its speakers (speaker and co-speakers, as a set) and channel (via) are the
fixture's; each is matched at most once. Precision is matches over statements found, recall
matches over the fixture's. "Wrong speaker" counts statements whose text matches a fixture
statement but that name a speaker other than the fixture's (an unattributed one is not wrong,
only unmatched). A figure matches when article, number as written, unit, subject and claimant
are the fixture's. Printed per article and in total; --details lists what did not match.
These are the articles the finders were developed on: the figure shows they work there, not
how they do on articles nobody has read (the unit tests hold other sentences).
Standard library only; the fixture files are read with a small parser of their flow layout.
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "DossierKitTests", "Fixtures", "research")


def norm(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def parse_value(text):
    text = text.strip()
    if text == "null":
        return None
    if text.startswith('"'):
        return json.loads(text)
    if text.startswith("["):
        inner = text[1:-1].strip()
        return [part.strip() for part in inner.split(",")] if inner else []
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return text


def split_top(text):
    parts, depth, quoted, current = [], 0, False, ""
    for char in text:
        if char == '"' and not current.endswith("\\"):
            quoted = not quoted
        if not quoted and char == "[":
            depth += 1
        if not quoted and char == "]":
            depth -= 1
        if char == "," and depth == 0 and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current)
    return parts


def read_fixture(name):
    rows = []
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not (line.startswith("- {") and line.endswith("}")):
                continue
            row = {}
            for part in split_top(line[3:-1]):
                key, _, value = part.partition(":")
                row[key.strip()] = parse_value(value)
            rows.append(row)
    return rows


def speakers(row):
    return frozenset(([row["speaker"]] if row.get("speaker") else []) + list(row.get("with") or []))


def match_statements(expected, found):
    """(pairs strict, pairs by text only, wrong speakers) over one article."""
    used, strict = set(), {}
    for i, want in enumerate(expected):
        for j, got in enumerate(found):
            if j in used or norm(want["text"]) not in norm(got["text"]):
                continue
            if speakers(got) == speakers(want) and got.get("via") == want.get("via"):
                strict[i] = j
                used.add(j)
                break
    loose = dict(strict)
    for i, want in enumerate(expected):
        if i in loose:
            continue
        for j, got in enumerate(found):
            if j not in used and norm(want["text"]) in norm(got["text"]):
                loose[i] = j
                used.add(j)
                break
    wrong = [(i, j) for i, j in loose.items() if speakers(found[j]) and speakers(found[j]) != speakers(expected[i])]
    return strict, loose, wrong


def figure_key(row, value=True):
    return (row["number"], row["unit"], row["subject"], row.get("claimant"))


def ratio(a, b):
    return a / b if b else 1.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dossier", default=os.path.join(ROOT, ".build", "release", "dossier"))
    parser.add_argument("--content", default=os.path.join(ROOT, "content"))
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()

    listing = subprocess.run([args.dossier, "check", "--statements", "--figures", "--content", args.content],
                             check=True, capture_output=True, text=True).stdout
    found = json.loads(listing)
    want_statements = read_fixture("seed-statements.yml")
    want_figures = read_fixture("seed-figures.yml")
    articles = sorted({row["article"] for row in want_statements + want_figures}
                      | {row["article"] for row in found["statements"] + found["figures"]})

    print("statements and figures against the seed fixture (articles the finders were developed on)")
    print(f"{'article':46} {'statements P':>12} {'R':>6} {'wrong':>5}   {'figures P':>9} {'R':>6}")
    totals = dict(s_tp=0, s_found=0, s_want=0, wrong=0, f_tp=0, f_found=0, f_want=0, loose=0, kind=0)
    details = []
    for article in articles:
        expected = [r for r in want_statements if r["article"] == article]
        got = [r for r in found["statements"] if r["article"] == article]
        strict, loose, wrong = match_statements(expected, got)
        fig_want = [r for r in want_figures if r["article"] == article]
        fig_got = [r for r in found["figures"] if r["article"] == article]
        remaining = [figure_key(r) for r in fig_got]
        fig_tp = 0
        for row in fig_want:
            if figure_key(row) in remaining:
                remaining.remove(figure_key(row))
                fig_tp += 1
            else:
                details.append(f"  {article}: figure missed or different: {row}")
        for key in remaining:
            details.append(f"  {article}: figure found, not in the fixture: {key}")
        totals["s_tp"] += len(strict); totals["s_found"] += len(got); totals["s_want"] += len(expected)
        totals["wrong"] += len(wrong); totals["loose"] += len(loose)
        totals["kind"] += sum(1 for i, j in strict.items() if got[j]["kind"] == expected[i]["kind"])
        totals["f_tp"] += fig_tp; totals["f_found"] += len(fig_got); totals["f_want"] += len(fig_want)
        print(f"{article:46} {ratio(len(strict), len(got)):12.2f} {ratio(len(strict), len(expected)):6.2f} {len(wrong):5}"
              f"   {ratio(fig_tp, len(fig_got)):9.2f} {ratio(fig_tp, len(fig_want)):6.2f}"
              f"   ({len(strict)}/{len(got)} found, {len(expected)} in fixture; figures {fig_tp}/{len(fig_got)}, {len(fig_want)})")
        for i, want in enumerate(expected):
            if i not in strict:
                j = loose.get(i)
                what = "missed" if j is None else f"found as speaker={got[j]['speaker']} with={got[j]['with']} via={got[j]['via']}"
                details.append(f"  {article}: {want['speaker']}/{want.get('via')} \"{want['text']}\": {what}")
        matched = set(strict.values()) | set(loose.values())
        for j, row in enumerate(got):
            if j not in matched:
                details.append(f"  {article}: found, not in the fixture: {row['speaker']}/{row['via']} \"{row['text'][:60]}\"")
    t = totals
    print(f"{'total':46} {ratio(t['s_tp'], t['s_found']):12.2f} {ratio(t['s_tp'], t['s_want']):6.2f} {t['wrong']:5}"
          f"   {ratio(t['f_tp'], t['f_found']):9.2f} {ratio(t['f_tp'], t['f_want']):6.2f}"
          f"   ({t['s_tp']}/{t['s_found']} found, {t['s_want']} in fixture; figures {t['f_tp']}/{t['f_found']}, {t['f_want']})")
    print(f"statements found by their text, whoever the speaker: {t['loose']}/{t['s_want']}; "
          f"of the matches, the same kind (quote or reported): {t['kind']}/{t['s_tp']}")
    if args.details and details:
        print("not matched:")
        print("\n".join(details))


if __name__ == "__main__":
    sys.exit(main())
