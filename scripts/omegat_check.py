#!/usr/bin/env python3
"""OmegaT check: OmegaT, run headless on the project `tm suggest --omegat`
wrote, translates the release as tm meant.

    omegat PROJECT --mode=console-translate
    omegat_check.py --tsv tests/data/releases.tsv --release tests/data/new-release.en.txt \
        --project PROJECT --lang ru

The memory must be `tm import` of the TSV, the release English with one
sentence a line. Checks OmegaT's translated document, PROJECT/target/*.xlf:
every sentence of the release is there once, in order, as a source; a
sentence stored in the TSV has the stored translation as its target (OmegaT
filled it in from tm/auto); any other keeps its source text as target
(OmegaT never took a fuzzy match for a translation, nor one language for
another). Exits 1 with a list of what failed. Standard library only.
"""

import argparse
import csv
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def rows_of(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quotechar='"'))
    header = [c.strip().lower() for c in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:] if any(c.strip() for c in r)]


def text(node):
    return "".join(node.itertext()) if node is not None else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", required=True)
    ap.add_argument("--release", required=True)
    ap.add_argument("--project", required=True)
    ap.add_argument("--lang", required=True)
    args = ap.parse_args()
    stored = {row["en"]: row[args.lang] for row in rows_of(args.tsv) if row.get(args.lang)}
    with open(args.release, encoding="utf-8") as f:
        sentences = [line.strip() for line in f if line.strip()]
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    targets = glob.glob(f"{args.project}/target/*.xlf")
    check(len(targets) == 1, f"OmegaT wrote {len(targets)} translated documents, expected 1")
    if not targets:
        print("OmegaT check FAILED:", *failures, sep="\n  ")
        return 1
    root = ET.parse(targets[0]).getroot()
    f = root.find("x:file", NS)
    check(f is not None and f.get("target-language") == args.lang, "target-language")
    units = root.findall(".//x:trans-unit", NS)
    sources = [text(u.find("x:source", NS)) for u in units]
    check(sources == sentences, f"sources {sources!r} != the release's sentences {sentences!r}")
    exact = 0
    for i, (unit, sentence) in enumerate(zip(units, sentences), 1):
        target = text(unit.find("x:target", NS))
        if sentence in stored:
            exact += 1
            check(target == stored[sentence], f"unit {i}: target {target!r} != {stored[sentence]!r}")
        else:
            check(target == sentence, f"unit {i}: OmegaT put {target!r} for an inexact match")
    check(exact > 0 and exact < len(sentences), f"the release has {exact} exact matches of {len(sentences)}")
    if failures:
        print("OmegaT check FAILED:", *failures, sep="\n  ")
        return 1
    print(
        f"OmegaT check ({args.lang}): {len(units)} segments in OmegaT's translated document, "
        f"{exact} exact matches filled in from tm/auto, the rest left to translate"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
