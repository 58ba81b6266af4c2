#!/usr/bin/env python3
"""Peer check: translate-toolkit, which Pootle, Weblate and Virtaal build on,
reads the TMX and XLIFF that tm writes.

    peer_check.py --tsv tests/data/releases.tsv --tmx releases.tmx --xliff draft.xlf

The TMX must be `tm export` of a memory made by `tm import` of the TSV; the
XLIFF the draft `cargo run --example xliff_draft` writes from that memory
(every English text at 100, then a near miss and an unmatched sentence).
Checks unit counts, texts in all three languages, and the XLIFF states.
Exits 1 with a list of what failed.
"""

import argparse
import csv
import sys

from translate.storage import tmx, xliff

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def rows_of(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quotechar='"'))
    header = [c.strip().lower() for c in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:] if any(c.strip() for c in r)]


def target_state(unit):
    node = unit.getlanguageNode(lang=None, index=1)
    return None if node is None else node.get("state")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", required=True)
    ap.add_argument("--tmx", required=True)
    ap.add_argument("--xliff", required=True)
    args = ap.parse_args()
    rows = rows_of(args.tsv)
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    t = tmx.tmxfile.parsefile(args.tmx)
    check(len(t.units) == len(rows), f"TMX: {len(t.units)} units, expected {len(rows)}")
    for i, (unit, row) in enumerate(zip(t.units, rows)):
        check(unit.source == row["en"], f"TMX unit {i}: source {unit.source!r} != {row['en']!r}")
        check(unit.target == row["ru"], f"TMX unit {i}: target {unit.target!r} != {row['ru']!r}")
        texts = {n.get(XML_LANG): unit.getNodeText(n) for n in unit.getlanguageNodes()}
        check(texts.get("kk") == row["kk"], f"TMX unit {i}: kk {texts.get('kk')!r} != {row['kk']!r}")

    x = xliff.xlifffile.parsefile(args.xliff)
    units = x.units
    check(x.getsourcelanguage() == "en", f"XLIFF source language {x.getsourcelanguage()!r}")
    check(x.gettargetlanguage() == "ru", f"XLIFF target language {x.gettargetlanguage()!r}")
    check(len(units) == len(rows) + 2, f"XLIFF: {len(units)} units, expected {len(rows) + 2}")
    if len(units) == len(rows) + 2:
        first, near, unseen = units[0], units[-2], units[-1]
        check(first.source == rows[0]["en"], f"XLIFF unit 1 source {first.source!r}")
        check(first.target == rows[0]["ru"], f"XLIFF unit 1 target {first.target!r}")
        # translate-toolkit ranks an unapproved "translated" target as
        # unreviewed, and "needs-review-translation" as needing review.
        check(target_state(first) == "translated", f"XLIFF unit 1 state {target_state(first)!r}")
        check(
            near.get_state_n() == near.S_NEEDS_REVIEW < first.get_state_n() == first.S_UNREVIEWED,
            f"XLIFF states ranked {near.get_state_n()} (near miss), {first.get_state_n()} (exact)",
        )
        alt = first.getalttrans()
        check(
            len(alt) == 1 and alt[0].xmlelement.get("match-quality") == "100",
            "XLIFF unit 1: no alt-trans with match-quality 100",
        )
        check(
            target_state(near) == "needs-review-translation",
            f"XLIFF near miss state {target_state(near)!r}",
        )
        check(near.target == rows[0]["ru"], f"XLIFF near miss target {near.target!r}")
        quality = near.getalttrans()[0].xmlelement.get("match-quality") if near.getalttrans() else None
        check(quality is not None and 50 <= float(quality) < 100, f"XLIFF near miss quality {quality!r}")
        check(not unseen.target, f"XLIFF unseen sentence has a target {unseen.target!r}")

    if failures:
        print("peer check FAILED:", *failures, sep="\n  ")
        return 1
    print(
        f"peer check: translate-toolkit read {len(t.units)} TMX units and "
        f"{len(units)} XLIFF units as written"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
