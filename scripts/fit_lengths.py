#!/usr/bin/env python3
"""Fit the Gale-Church length model of src/align/lengths.txt on aligned pairs.

    python3 scripts/fit_lengths.py ../shared/data/pairs/dev.tsv

Lengths are counted in characters without white space (as src/align/length.rs
does). For each pair (en, X) the model is  len(X) ~ N(c * len(en), s2 * len(en)):
c is the ratio of total lengths, s2 the mean of (len(X) - c len(en))^2 / len(en).
Prints the lines of lengths.txt.
"""
import sys


def length(s):
    return sum(1 for ch in s if not ch.isspace())


def main(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 3 and all(cols):
                rows.append([length(c) for c in cols])
    for k, name in ((1, "ru"), (2, "kk")):
        pairs = [(r[0], r[k]) for r in rows if r[0] > 0]
        c = sum(t for _, t in pairs) / sum(s for s, _ in pairs)
        s2 = sum((t - c * s) ** 2 / s for s, t in pairs) / len(pairs)
        print(f"en {name} {c:.3f} {s2:.2f}   # {len(pairs)} pairs")
    # ru-kk, for checking the combination
    pairs = [(r[1], r[2]) for r in rows if r[1] > 0]
    c = sum(t for _, t in pairs) / sum(s for s, _ in pairs)
    s2 = sum((t - c * s) ** 2 / s for s, t in pairs) / len(pairs)
    print(f"ru kk {c:.3f} {s2:.2f}   # {len(pairs)} pairs")


if __name__ == "__main__":
    main(sys.argv[1])
