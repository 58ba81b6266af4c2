#!/usr/bin/env python3
"""Print where `tm add` alignment departs from gold on a split of documents.

For each document and one language pair, lists gold beads the prediction does
not reproduce and predicted beads that are not gold, each tagged with its
kind (n-m sizes in sentences, drop = one side empty). Reads the eval kit at
run time; copies nothing from it.

    python3 scripts/align_errors.py ../shared/data/docs/dev target/release/tm --pair en-kk --flags=--no-lexicon
"""
import argparse, os, subprocess, sys, collections

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../shared/eval/align"))
from aligncommon import read_beads, parse_beads_text, read_index, nows  # noqa: E402


def project(beads, a, b):
    out = []
    for x in beads:
        if x[a] or x[b]:
            out.append((x[a], x[b]))
    return out


def spans(beads):
    """Each bead as (a_start, a_end, b_start, b_end) in the whitespace-free
    concatenation of each side, so beads of two bead lists compare by place."""
    out, oa, ob = [], 0, 0
    for x, y in beads:
        la, lb = len(nows(x)), len(nows(y))
        out.append((oa, oa + la, ob, ob + lb))
        oa, ob = oa + la, ob + lb
    return out


def untiled(ref, other):
    """Beads of `ref` that `other` neither reproduces nor tiles exactly: a
    bead counts as right when no bead of `other` crosses its borders."""
    bad = []
    os_ = spans(other)
    for bead, (a0, a1, b0, b1) in zip(ref, spans(ref)):
        inside = [o for o in os_ if a0 <= o[0] and o[1] <= a1 and b0 <= o[2] and o[3] <= b1
                  and (o[1] > o[0] or o[3] > o[2])]
        covered_a = sum(o[1] - o[0] for o in inside) == a1 - a0
        covered_b = sum(o[3] - o[2] for o in inside) == b1 - b0
        if not (covered_a and covered_b):
            bad.append(bead)
    return bad


def kind(bead):
    return "%s-%s" % tuple("0" if not s else "x" for s in bead)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("split")
    ap.add_argument("tm")
    ap.add_argument("--pair", default="en-kk")
    ap.add_argument("--only", default="")
    ap.add_argument("--flags", default="", help="passed on to tm add, e.g. --flags=--no-lexicon")
    args = ap.parse_args()
    a, b = args.pair.split("-")
    idx = read_index(args.split)
    run = os.path.join(os.path.dirname(__file__), "tm_align_flags.py")
    counts = collections.Counter()
    for doc in sorted(os.listdir(args.split)):
        d = os.path.join(args.split, doc)
        if not os.path.isdir(d) or (args.only and args.only not in doc):
            continue
        gold = project(read_beads(os.path.join(d, "gold.tsv")), a, b)
        out = subprocess.run([sys.executable, run, args.tm, d] + args.flags.split(), capture_output=True, text=True).stdout
        pred = project(parse_beads_text(out), a, b)
        miss, extra = untiled(gold, pred), untiled(pred, gold)
        if not miss and not extra:
            continue
        pert = idx.get(doc, {}).get("perturbation", "")
        print("=" * 8, doc, pert)
        for g in miss:
            counts["gold " + kind(g)] += 1
            print("  GOLD %s | %s\n       %s" % (kind(g), g[0][:160], g[1][:160]))
        for p in extra:
            counts["pred " + kind(p)] += 1
            print("  PRED %s | %s\n       %s" % (kind(p), p[0][:160], p[1][:160]))
    print(dict(counts))


if __name__ == "__main__":
    main()
