#!/usr/bin/env python3
"""Name-matching evaluation on eval/devset (`make eval`; not part of `make test`).

For every (page, surface) row of eval/devset/pages/*.expected.yml, writes a one-sentence
article holding the surface, builds all of them in one dossier against the test registry in
eval/devset/registry/, and reads its mentions back (data/parts.json lists their parts). Each surface is then:

  whole   linked whole to the expected entity (the mention's text is the surface);
  part    only part of it is linked, to the expected entity;
  wrong   some part of it is linked to another entity;
  none    nothing in it is linked.

Prints the figures per page and in total; --details lists every surface not linked whole.
A second figure puts each page's surfaces into one article, one sentence each in the page's
order, as the page names them together: a bare short form (`किम`) then has the context an
ambiguous alias is resolved from.
Standard library only; the page files are read with a small parser of their fixed layout.

Then a boilerplate figure (`dossier import --dry-run`, no rules file and the dossier's): per
page, boilerplate lines kept in the article and article lines lost. The devset holds no page
texts (see eval/devset/README.md), so the pages measured are our own test fixtures
(Tests/DossierKitTests/Fixtures/boilerplate/, composed for the tests, with the article lines
in <page>.article.txt) and the five seed pages against their curated articles. They are
pages the mechanism was developed on: the figure shows it works there, not how it does on
outlets nobody has seen.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

ROW = re.compile(r'^\s*-\s*\{surface:\s*"((?:[^"\\]|\\.)*)",\s*entity:\s*"([a-z]+):([a-z0-9-]+)"\}')
KINDS = {"person": "person", "country": "country", "org": "org"}


def nfc(text):
    return unicodedata.normalize("NFC", text)


def read_pages(devset):
    pages = []
    folder = os.path.join(devset, "pages")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".expected.yml"):
            continue
        rows = []
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for line in handle:
                match = ROW.match(line)
                if match:
                    surface = json.loads('"' + match.group(1) + '"')
                    rows.append((nfc(surface), match.group(2), match.group(3)))
        pages.append((name[: -len(".expected.yml")], rows))
    return pages


def sentence(surface):
    # A neutral sentence: the surface between two ordinary words, so that word boundaries
    # on both sides are plain spaces.
    return f"खबर में {surface} का नाम आया।"


def escape(surface):
    return surface.replace("[", "\\[").replace("]", "\\]").replace("*", "\\*").replace("_", "\\_")


def build(dossier, devset, templates, pages, work, in_context=False):
    content = os.path.join(work, "content")
    os.makedirs(os.path.join(content, "articles"))
    shutil.copytree(os.path.join(devset, "registry"), os.path.join(content, "entities"))
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as handle:
        handle.write("title: devset\nlanguage: hi\nbase_url: https://example.org/\n")
    ids = {}
    articles = {}
    for page, rows in pages:
        for number, (surface, kind, entity) in enumerate(rows):
            article = f"p{page[:2]}" if in_context else f"p{page[:2]}-s{number:02d}"
            ids[(article, sentence(surface))] = (page, surface, kind, entity)
            articles.setdefault(article, []).append(sentence(escape(surface)))
    for article, sentences in articles.items():
        with open(os.path.join(content, "articles", article + ".md"), "w", encoding="utf-8") as handle:
            handle.write(f'---\ntitle: "{article}"\ndate: 2024-01-01\n---\n' + " ".join(sentences) + "\n")
    output = os.path.join(work, "public")
    result = subprocess.run([dossier, "build", "--content", content, "--templates", templates, "--output", output],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit("the devset dossier did not build")
    return ids, read_mentions(output)


def read_mentions(site):
    """Every mention of a built site, from the parts that data/parts.json lists, each with
    its sentence's text in "sentence" (the parts name it by article and number)."""
    with open(os.path.join(site, "data", "parts.json"), encoding="utf-8") as handle:
        tables = json.load(handle)["tables"]

    def rows(table):
        for part in tables[table]["parts"]:
            with open(os.path.join(site, part["jsonl"]["path"]), encoding="utf-8") as handle:
                for line in handle:
                    yield json.loads(line)

    sentences = {(row["article"], row["sentence"]): row["text"] for row in rows("sentences")}
    mentions = []
    for row in rows("mentions"):
        row["sentence"] = sentences[(row["article"], row["sentence"])]
        mentions.append(row)
    return mentions


def classify(ids, mentions):
    by_sentence = {}
    for mention in mentions:
        by_sentence.setdefault((mention["article"], nfc(mention["sentence"]).strip()), []).append(mention)
    verdicts = {}
    for key, (page, surface, kind, entity) in ids.items():
        inside = [m for m in by_sentence.get((key[0], nfc(key[1])), []) if nfc(m["text"]) in surface]
        right = [m for m in inside if m["entity"] == entity and m["type"] == KINDS[kind]]
        if any(nfc(m["text"]) == surface for m in right):
            verdict = "whole"
        elif any(m not in right for m in inside):
            verdict = "wrong"
        elif right:
            verdict = "part"
        else:
            verdict = "none"
        linked = ", ".join(f'{m["text"]}→{m["entity"]}' for m in inside)
        verdicts[key] = (page, surface, f"{kind}:{entity}", verdict, linked)
    return verdicts


def summary(total):
    rows = sum(total.values())
    return ("linked whole: %d of %d (%.1f%%); in part %d, wrongly %d, not at all %d"
            % (total["whole"], rows, 100.0 * total["whole"] / max(rows, 1), total["part"], total["wrong"], total["none"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--dossier", default=os.path.join(root, ".build", "release", "dossier"))
    parser.add_argument("--devset", default=os.path.join(root, "eval", "devset"))
    parser.add_argument("--templates", default=os.path.join(root, "templates"))
    parser.add_argument("--details", action="store_true", help="list every surface not linked whole")
    args = parser.parse_args()
    pages = read_pages(args.devset)
    with tempfile.TemporaryDirectory(prefix="dossier-eval-") as work:
        ids, mentions = build(args.dossier, args.devset, args.templates, pages, work)
    verdicts = classify(ids, mentions)
    with tempfile.TemporaryDirectory(prefix="dossier-eval-") as work:
        context_ids, context_mentions = build(args.dossier, args.devset, args.templates, pages, work, in_context=True)
    in_context = classify(context_ids, context_mentions)
    kinds = ["whole", "part", "wrong", "none"]
    total = {kind: 0 for kind in kinds}
    print(f'{"page":<48} {"rows":>4} ' + " ".join(f"{k:>5}" for k in kinds))
    for page, rows in pages:
        counts = {kind: 0 for kind in kinds}
        for verdict in verdicts.values():
            if verdict[0] == page:
                counts[verdict[3]] += 1
        for kind in kinds:
            total[kind] += counts[kind]
        print(f"{page:<48} {len(rows):>4} " + " ".join(f"{counts[k]:>5}" for k in kinds))
    rows = sum(total.values())
    print(f'{"total":<48} {rows:>4} ' + " ".join(f"{total[k]:>5}" for k in kinds))
    print("each surface alone:        " + summary(total))
    context_total = {kind: 0 for kind in kinds}
    for verdict in in_context.values():
        context_total[verdict[3]] += 1
    print("each page's surfaces together: " + summary(context_total))
    if args.details:
        for label, found in [("alone", verdicts), ("together", in_context)]:
            print(f"not linked whole ({label}):")
            for key in sorted(found, key=lambda k: (found[k][0], k)):
                page, surface, entity, verdict, linked = found[key]
                if verdict != "whole":
                    print(f"  {verdict:<5} {page[:2]} {surface} ({entity})" + (f"  linked: {linked}" if linked else ""))
    boilerplate(args.dossier, root)


ANNOTATION = re.compile(r"\[([^\]]*)\]\((?:person|country|org|meeting|place|none):[a-z0-9-]*\)")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>&|~])")


def squeeze(text):
    return " ".join(text.split())


def paragraphs_of(markdown):
    """The body's paragraphs of an article file (front matter skipped), unescaped."""
    parts = markdown.split("\n---\n", 1)
    body = parts[1] if len(parts) == 2 else markdown
    return [squeeze(ESCAPE.sub(r"\1", ANNOTATION.sub(r"\1", p))) for p in body.split("\n\n") if p.strip()]


def imported_paragraphs(dossier, page, content, date):
    run = subprocess.run([dossier, "import", page, "--content", content, "--dry-run", "--force", "--date", date],
                         capture_output=True, text=True)
    lines = [line[4:] if line.startswith("  | ") else "" for line in run.stdout.split("\n") if line.startswith("  |")]
    return paragraphs_of("\n".join(lines)) if lines else []


def boilerplate(dossier, root):
    fixtures = os.path.join(root, "Tests", "DossierKitTests", "Fixtures", "boilerplate")
    cases = []
    for name in sorted(os.listdir(fixtures)):
        if name.endswith(".article.txt"):
            stem = name[: -len(".article.txt")]
            with open(os.path.join(fixtures, name), encoding="utf-8") as handle:
                expected = [squeeze(line) for line in handle if line.strip()]
            cases.append(("own " + stem, os.path.join(fixtures, stem + ".txt"), expected))
    articles = os.path.join(root, "content", "articles")
    for name in sorted(os.listdir(articles)):
        with open(os.path.join(articles, name), encoding="utf-8") as handle:
            text = handle.read()
        raw = re.search(r"^raw: (\S+)$", text, re.M)
        if raw:
            cases.append(("seed " + raw.group(1), os.path.join(root, "content", "raw", raw.group(1)), paragraphs_of(text)))
    print()
    print("boilerplate (our own fixtures and the seed pages; see the docstring):")
    print(f'{"page":<40} {"rules":<8} {"article":>7} {"kept boilerplate":>17} {"lost article":>13}')
    totals = {}
    for rules in ["none", "dossier"]:
        with tempfile.TemporaryDirectory(prefix="dossier-eval-") as work:
            content = os.path.join(work, "content")
            os.makedirs(os.path.join(content, "articles"))
            shutil.copytree(os.path.join(root, "content", "entities"), os.path.join(content, "entities"))
            shutil.copy(os.path.join(root, "content", "site.yml"), content)
            if rules == "none":
                with open(os.path.join(content, "import-rules.yml"), "w", encoding="utf-8") as handle:
                    handle.write("outlets: []\n")
            else:
                shutil.copy(os.path.join(root, "content", "import-rules.yml"), content)
            kept_total = lost_total = lines_total = 0
            for label, page, expected in cases:
                got = imported_paragraphs(dossier, page, content, "2024-03-12")
                kept = [p for p in got if p not in expected]
                lost = [p for p in expected if p not in got]
                kept_total += len(kept)
                lost_total += len(lost)
                lines_total += len(expected)
                print(f"{label[:40]:<40} {rules:<8} {len(expected):>7} {len(kept):>17} {len(lost):>13}")
            totals[rules] = (lines_total, kept_total, lost_total)
    for rules, (lines, kept, lost) in totals.items():
        print(f"rules {rules}: {lines} article lines; boilerplate lines kept {kept}, article lines lost {lost}")


if __name__ == "__main__":
    main()
