#!/usr/bin/env python3
"""Add a perturbed variant of every unperturbed document of a split, in the
way the alignment kit's perturbed documents are made: in one language two
neighbouring sentences are merged into one (the full stop becomes a
semicolon, the next word loses its capital), and in another language one
sentence is dropped. The variant is DOCID-p beside the original, with the
gold beads changed to match and the perturbation noted in index.tsv
("merge:ru@3,drop:kk@5": bead numbers). Choices are fixed by the docid, so
running it again gives the same files.

    python3 scripts/align_perturb.py tests/data/align/tune

Fresh tuning material, outside the repository when the documents are the
kit's: `--salt S` mixes S into each docid's seed (other choices), `--out DIR`
writes the variants there (with their own index.tsv) instead of beside the
originals, and `--kit-kinds` draws from every kind the kit's perturbed
documents show: the merge may take the first bead, and the merge and the
drop may be in the same language (the kit has "merge:ru@0,drop:ru@1"), but
a sentence alone in its paragraph is never dropped (the kit's versions keep
the same paragraphs); without it the two are in different languages and the
first bead is kept.

    python3 scripts/align_perturb.py --salt 2 --kit-kinds --out /tmp/fresh DOCS
"""
import argparse
import hashlib
import os
import random
import sys

LANGS = ("en", "ru", "kk")


def read_gold(path):
    beads = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line:
            cols = line.split("\t") + ["", ""]
            beads.append(cols[:3])
    return beads


def one_sentence(s):
    """A side that is one plain sentence ending in a full stop."""
    core = s[:-1]
    return s.endswith(".") and not any(p in core for p in (". ", "! ", "? ", ";"))


def alone(s, text):
    """Whether sentence `s` is a paragraph of `text` by itself: the kit never
    drops one (its versions always keep the same paragraphs, bounded where
    the gold beads are)."""
    return any(p.strip() == s for p in text.split("\n\n"))


def perturb(doc, rng, kit_kinds=False):
    gold = read_gold(os.path.join(doc, "gold.tsv"))
    texts = {l: open(os.path.join(doc, l + ".txt"), encoding="utf-8").read() for l in LANGS}
    langs = list(LANGS)
    rng.shuffle(langs)
    m_lang, d_lang = langs[0], langs[1]
    if kit_kinds and rng.random() < 1 / 3:
        d_lang = m_lang
    k = LANGS.index(m_lang)
    merges = [i for i in range(0 if kit_kinds else 1, len(gold) - 1)
              if all(gold[i]) and all(gold[i + 1]) and one_sentence(gold[i][k])
              and gold[i + 1][k][:1].isupper() and not gold[i + 1][k][1:2].isupper()
              and (gold[i][k] + " " + gold[i + 1][k]) in texts[m_lang]]
    if not merges:
        return None
    i = rng.choice(merges)
    a, b = gold[i][k], gold[i + 1][k]
    joined = a[:-1] + "; " + b[0].lower() + b[1:]
    texts[m_lang] = texts[m_lang].replace(a + " " + b, joined, 1)
    merged = [" ".join(x for x in (gold[i][j], gold[i + 1][j]) if x) for j in range(3)]
    merged[k] = joined
    gold = gold[:i] + [merged] + gold[i + 2:]
    k = LANGS.index(d_lang)
    drops = [j for j in range(0 if kit_kinds else 1, len(gold)) if j != i and all(gold[j]) and one_sentence(gold[j][k])
             and texts[d_lang].count(gold[j][k]) == 1
             and not (kit_kinds and alone(gold[j][k], texts[d_lang]))]
    if not drops:
        return None
    j = rng.choice(drops)
    s = gold[j][k]
    t = texts[d_lang]
    for cut in (s + " ", " " + s, s + "\n\n", s):
        if cut in t:
            t = t.replace(cut, "", 1)
            break
    texts[d_lang] = t
    gold[j][k] = ""
    return texts, gold, "merge:%s@%d,drop:%s@%d" % (m_lang, i, d_lang, j)


def main(split, salt="", out_dir=None, kit_kinds=False):
    index = os.path.join(split, "index.tsv")
    lines = open(index, encoding="utf-8").read().splitlines()
    header, rows = lines[0], [r.split("\t") for r in lines[1:] if r]
    rows = [r for r in rows if r[5] == "none"]
    out = []
    for r in rows:
        docid = r[0]
        rng = random.Random(int(hashlib.sha256((docid + salt).encode()).hexdigest()[:8], 16))
        res = None
        for _ in range(20):
            res = perturb(os.path.join(split, docid), rng, kit_kinds)
            if res:
                break
        if not res:
            sys.stderr.write("no perturbation for %s\n" % docid)
            continue
        texts, gold, what = res
        d = os.path.join(out_dir or split, docid + "-p")
        os.makedirs(d, exist_ok=True)
        for l in LANGS:
            with open(os.path.join(d, l + ".txt"), "w", encoding="utf-8") as f:
                f.write(texts[l])
        with open(os.path.join(d, "gold.tsv"), "w", encoding="utf-8") as f:
            f.writelines("\t".join(b) + "\n" for b in gold)
        out.append([docid + "-p", r[1], r[2], str(sum(1 for b in gold if b[0])), str(len(gold)), what])
    if out_dir:
        # Only the variants: the originals stay where they are.
        index, rows = os.path.join(out_dir, "index.tsv"), []
    with open(index, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for r in rows + out:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("splits", nargs="+")
    ap.add_argument("--salt", default="")
    ap.add_argument("--out")
    ap.add_argument("--kit-kinds", action="store_true")
    args = ap.parse_args()
    for split in args.splits:
        main(split, args.salt, args.out, args.kit_kinds)
