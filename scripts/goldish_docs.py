#!/usr/bin/env python3
"""Make a copy of an evaluation split whose texts put every gold sentence
group on its own line (paragraphs kept), to measure the aligner apart from
the segmenter:

    python3 scripts/goldish_docs.py ../shared/data/docs/dev /tmp/goldish

The copy lives outside the repository; nothing of the data is kept here.
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "align"))
from aligncommon import LANGS, nows, read_beads, read_paragraphs  # noqa: E402


def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    shutil.copy(os.path.join(src, "index.tsv"), dst)
    for doc in sorted(os.listdir(src)):
        d = os.path.join(src, doc)
        if not os.path.isdir(d):
            continue
        o = os.path.join(dst, doc)
        os.makedirs(o, exist_ok=True)
        shutil.copy(os.path.join(d, "gold.tsv"), o)
        gold = read_beads(os.path.join(d, "gold.tsv"))
        for lang in LANGS:
            paras = read_paragraphs(os.path.join(d, lang + ".txt"))
            ends, cum = [], 0
            for p in paras:
                cum += len(nows(p))
                ends.append(cum)
            out, cum, k = [[]], 0, 0
            for b in gold:
                side = b[lang]
                if not side:
                    continue
                out[-1].append(side)
                cum += len(nows(side))
                if k < len(ends) and cum >= ends[k]:
                    k += 1
                    out.append([])
            text = "\n\n".join("\n".join(p) for p in out if p) + "\n"
            with open(os.path.join(o, lang + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
