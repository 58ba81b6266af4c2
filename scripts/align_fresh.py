#!/usr/bin/env python3
"""Fresh perturbed tuning material, made and measured in one go: every
unperturbed document of the kit's tune folds (folds 0 and 1, as in
align_kit.py) and of our own tune releases (tests/data/align/tune) gets a
perturbed variant per salt (`align_perturb.py --salt S --kit-kinds`: a
merge and a drop, in the same language or two, the first bead included), so
the aligner is tuned on documents it was not tuned on before. Everything is
written under OUT_DIR (outside the repository: it holds the kit's text); the
held-out third is never touched.

    python3 scripts/align_fresh.py target/release/tm /work/scratch-align/fresh [--salts 1,2]

Prints score.py's tiled F1 (en-ru / en-kk) per salt and source (kit, own),
without a lexicon and with one from a memory that never saw the document
(kit: the dev pairs of the other folds; own: all dev pairs, as
align_own.sh does for the tune set), and with `--modes shipped` the
lexicon of the repository's own small memory.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

from align_kit import DATA, KIT, SHIPPED, align, quote_tsv

HERE = os.path.dirname(os.path.abspath(__file__))
OWN = os.path.join(HERE, "../tests/data/align/tune")


def originals(out):
    """A folder of links to the unperturbed tune documents, per source."""
    docs_dir = os.path.join(DATA, "docs/dev")
    with open(os.path.join(docs_dir, "index.tsv"), encoding="utf-8") as f:
        header, *rows = [l.rstrip("\n") for l in f if l.strip()]
    fold = {r.split("\t")[0]: i % 3 for i, r in enumerate(rows)}
    with open(os.path.join(OWN, "index.tsv"), encoding="utf-8") as f:
        own_rows = [l.rstrip("\n") for l in f if l.strip()][1:]
    made = {}
    for name, src, rs in (("kit", docs_dir, rows), ("own", OWN, own_rows)):
        d = os.path.join(out, "orig-" + name)
        os.makedirs(d, exist_ok=True)
        keep = [r for r in rs if r.split("\t")[5] == "none" and fold.get(r.split("\t")[0], 0) != 2]
        with open(os.path.join(d, "index.tsv"), "w", encoding="utf-8") as f:
            f.write(header + "\n" + "".join(r + "\n" for r in keep))
        for r in keep:
            link = os.path.join(d, r.split("\t")[0])
            if not os.path.exists(link):
                os.symlink(os.path.abspath(os.path.join(src, r.split("\t")[0])), link)
        made[name] = d
    return made, fold


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tm")
    ap.add_argument("out")
    ap.add_argument("--salts", default="1,2")
    ap.add_argument("--modes", default="no-lexicon,other-docs")
    args = ap.parse_args()
    tm, out = os.path.abspath(args.tm), os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    made, fold = originals(out)
    modes = args.modes.split(",")
    if "other-docs" in modes:
        with open(os.path.join(DATA, "pairs/dev.tsv"), encoding="utf-8") as f:
            pairs = [l.rstrip("\n").split("\t") for l in f]
        with open(os.path.join(DATA, "pairs/dev.meta.tsv"), encoding="utf-8") as f:
            owner = [l.rstrip("\n").split("\t")[1] for l in f]
        # Folds 0 and 1 for the kit's documents, "all" for our own.
        for k in (0, 1, "all"):
            mem = os.path.join(out, f"memory-{k}")
            if os.path.exists(mem):
                continue
            tsv = os.path.join(out, f"pairs-{k}.tsv")
            quote_tsv([p for p, d in zip(pairs, owner) if fold.get(d) != k], tsv)
            subprocess.run([tm, "import", "--memory", mem, tsv], check=True, capture_output=True)
    for salt in args.salts.split(","):
        for name, orig in made.items():
            split = os.path.join(out, f"{name}-s{salt}")
            if not os.path.exists(os.path.join(split, "index.tsv")):
                os.makedirs(split, exist_ok=True)
                subprocess.run([sys.executable, os.path.join(HERE, "align_perturb.py"), "--salt", salt,
                                "--kit-kinds", "--out", split, orig], check=True)
            docs = sorted(d for d in os.listdir(split) if d.endswith("-p"))
            for mode in modes:
                def flags(d):
                    if mode == "no-lexicon":
                        return ["--no-lexicon"]
                    if mode == "shipped":
                        return ["--memory", SHIPPED]
                    return ["--memory", os.path.join(out, f"memory-{fold.get(d[:-2], 'all')}")]
                pred = os.path.join(out, f"pred-{name}-s{salt}-{mode}")
                os.makedirs(pred, exist_ok=True)
                with concurrent.futures.ThreadPoolExecutor(2) as pool:
                    texts = pool.map(lambda d: align(tm, os.path.join(split, d), flags(d)), docs)
                    for d, text in zip(docs, texts):
                        with open(os.path.join(pred, d + ".tsv"), "w", encoding="utf-8") as f:
                            f.write(text)
                res = os.path.join(out, f"{name}-s{salt}-{mode}.json")
                subprocess.run([sys.executable, os.path.join(KIT, "score.py"), split, "--pred", pred,
                                "--json", res], check=True, capture_output=True)
                m = json.load(open(res, encoding="utf-8"))["aggregate"]["all"]
                print(f"{name}-s{salt} ({len(docs)}) {mode:11} "
                      + " / ".join("%.3f" % m[p]["tiled_f1"] for p in ("en-ru", "en-kk")))


if __name__ == "__main__":
    main()
