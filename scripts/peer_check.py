#!/usr/bin/env python3
"""Peer check: translate-toolkit, which Pootle, Weblate and Virtaal build on,
reads the TMX and XLIFF that tm writes.

    peer_check.py --tsv tests/data/releases.tsv --tmx releases.tmx \
        --release tests/data/new-release.en.txt --xliff draft.xlf

The TMX must be `tm export` of a memory made by `tm import` of the TSV; the
XLIFF `tm suggest RELEASE --format xliff --to ru` from that memory, for an
English release of one sentence a line. Checks unit counts, texts in all
three languages, and per XLIFF unit what the draft must hold: a sentence
stored in the TSV gets its Russian as `translated` at 100, approved (so
translate-toolkit counts it translated, not fuzzy); one differing
from a stored sentence only in its numbers gets the Russian with the new
numbers, to review; any other either a stored Russian to review, scored
50–99, or no target. The release must hold each of these kinds.

With --docx-xliff (`tm suggest RELEASE.docx --format xliff --to ru`) and
--docx-segments (`tm segment RELEASE.docx --format json`), also checks that
translate-toolkit reads the inline codes of a Word release: each unit's
flattened `.source` is its segment's text, its `<g>`/`<x/>` (in
`.rich_source`) have ids unique in the unit and a ctype, and the release
gives at least one `<g>`.
Exits 1 with a list of what failed.
"""

import argparse
import csv
import json
import re
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


def codes_of(elem):
    """The inline codes (G, X, …) in a translate-toolkit rich string, in
    document order, with the text each holds."""
    from translate.storage.placeables import xliff as xp

    found = []

    def walk(node):
        for sub in getattr(node, "sub", []):
            if isinstance(sub, (xp.G, xp.X, xp.Bx, xp.Ex, xp.Bpt, xp.Ept, xp.Ph, xp.It)):
                found.append((type(sub).__name__, sub.id, (sub.xml_attrib or {}).get("ctype"), str(sub)))
            if hasattr(sub, "sub"):
                walk(sub)

    for part in elem:
        walk(part)
    return found


def check_codes(args, check):
    """translate-toolkit reads the codes of the Word release's XLIFF."""
    with open(args.docx_segments, encoding="utf-8") as f:
        segments = [s["text"] for s in json.load(f)["segments"]]
    units = xliff.xlifffile.parsefile(args.docx_xliff).units
    check(len(units) == len(segments), f"Word XLIFF: {len(units)} units, expected {len(segments)}")
    paired = 0
    for i, (unit, text) in enumerate(zip(units, segments), 1):
        check(unit.source == text, f"Word XLIFF unit {i}: flattened source {unit.source!r} != {text!r}")
        codes = codes_of(unit.rich_source)
        ids = [c[1] for c in codes]
        check(len(ids) == len(set(ids)), f"Word XLIFF unit {i}: ids {ids} not unique")
        for kind, cid, ctype, inner in codes:
            check(kind in ("G", "X"), f"Word XLIFF unit {i}: a {kind} code")
            check(bool(ctype), f"Word XLIFF unit {i}: code {cid} without a ctype")
            if kind == "G":
                paired += 1
                check(inner and inner in text, f"Word XLIFF unit {i}: <g id={cid}> holds {inner!r}")
    check(paired > 0, "Word XLIFF: translate-toolkit found no <g> in any source")
    return paired


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", required=True)
    ap.add_argument("--tmx", required=True)
    ap.add_argument("--release", required=True)
    ap.add_argument("--xliff", required=True)
    ap.add_argument("--docx-xliff")
    ap.add_argument("--docx-segments")
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
    with open(args.release, encoding="utf-8") as f:
        sentences = [line.strip() for line in f if line.strip()]
    check(x.getsourcelanguage() == "en", f"XLIFF source language {x.getsourcelanguage()!r}")
    check(x.gettargetlanguage() == "ru", f"XLIFF target language {x.gettargetlanguage()!r}")
    check(len(units) == len(sentences), f"XLIFF: {len(units)} units, expected {len(sentences)}")
    stored = {row["en"]: row["ru"] for row in rows}
    by_shape = {re.sub(r"\d+", "#", row["en"]): row for row in rows}
    kinds = {"exact": 0, "numbers": 0, "fuzzy": 0, "none": 0}
    for i, (unit, sentence) in enumerate(zip(units, sentences), 1):
        check(unit.source == sentence, f"XLIFF unit {i}: source {unit.source!r} != {sentence!r}")
        alt = unit.getalttrans()
        quality = alt[0].xmlelement.get("match-quality") if alt else None
        shaped = by_shape.get(re.sub(r"\d+", "#", sentence))
        if sentence in stored:
            kinds["exact"] += 1
            check(unit.target == stored[sentence], f"XLIFF unit {i}: target {unit.target!r}")
            check(target_state(unit) == "translated", f"XLIFF unit {i}: state {target_state(unit)!r}")
            # translate-toolkit counts a target as translated only when its
            # unit is approved; otherwise it is fuzzy.
            check(unit.isapproved(), f"XLIFF unit {i}: an exact match not approved")
            check(unit.istranslated() and not unit.isfuzzy(), f"XLIFF unit {i}: exact match counted as fuzzy")
            check(unit.get_state_n() == unit.S_TRANSLATED, f"XLIFF unit {i}: rank {unit.get_state_n()}")
            check(quality == "100", f"XLIFF unit {i}: match-quality {quality!r}")
        elif shaped is not None:
            kinds["numbers"] += 1
            new_numbers = iter(re.findall(r"\d+", sentence))
            old_numbers = re.findall(r"\d+", shaped["en"])
            expected = shaped["ru"]
            for old in old_numbers:
                expected = expected.replace(old, next(new_numbers))
            check(unit.target == expected, f"XLIFF unit {i}: target {unit.target!r} != {expected!r}")
            check(
                target_state(unit) == "needs-review-translation",
                f"XLIFF unit {i}: state {target_state(unit)!r}",
            )
            check(unit.get_state_n() == unit.S_NEEDS_REVIEW, f"XLIFF unit {i}: rank {unit.get_state_n()}")
            check(unit.isfuzzy() and not unit.isapproved(), f"XLIFF unit {i}: a fuzzy match counted as translated")
        elif unit.target:
            kinds["fuzzy"] += 1
            check(unit.target in stored.values(), f"XLIFF unit {i}: target {unit.target!r} not stored")
            check(
                target_state(unit) == "needs-review-translation",
                f"XLIFF unit {i}: state {target_state(unit)!r}",
            )
            check(
                quality is not None and 50 <= float(quality) < 100,
                f"XLIFF unit {i}: match-quality {quality!r}",
            )
            check(unit.isfuzzy() and not unit.isapproved(), f"XLIFF unit {i}: a fuzzy match counted as translated")
        else:
            kinds["none"] += 1
            check(target_state(unit) is None and not alt, f"XLIFF unit {i}: a state or alt-trans without a target")
    missing = [k for k, n in kinds.items() if n == 0]
    check(not missing, f"XLIFF: the release has no unit of kind {missing} (exact, numbers, fuzzy, none)")

    paired = None
    if args.docx_xliff and args.docx_segments:
        paired = check_codes(args, check)

    if failures:
        print("peer check FAILED:", *failures, sep="\n  ")
        return 1
    print(
        f"peer check: translate-toolkit read {len(t.units)} TMX units and "
        f"{len(units)} XLIFF units as written"
        + (f", and {paired} <g> codes in the Word release's XLIFF" if paired is not None else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
