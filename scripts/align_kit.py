#!/usr/bin/env python3
"""Measures `tm add` alignment on the kit's dev documents the way the README's
lexicon table does, in one go: each document is aligned without a lexicon and
with the lexicon of a memory of the dev sentence pairs *without those of its
own third* ("pairs of other documents": document i of docs/dev/index.tsv is in
fold i % 3), so the lexicon never saw the document. Folds 0 and 1 are the tune
documents, fold 2 the held-out third; `--splits` says which to score, so the
held-out third is not looked at while tuning.

    python3 scripts/align_kit.py target/release/tm OUT_DIR [--splits all,tune,heldout]

Reads the kit and the data at run time (TM_ALIGN_KIT, TM_EVAL_DATA); copies
nothing from them into the repository. Prints score.py's tiled F1 (en-ru,
en-kk) for all documents, the unperturbed and the perturbed ones, and how
many documents the lexicon changed at all (on fold 2 it may change none: the
same figures then mean that, not a lexicon left out).
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

from tm_align_flags import aligned_lines

HERE = os.path.dirname(os.path.abspath(__file__))
KIT = os.environ.get("TM_ALIGN_KIT", os.path.join(HERE, "../../shared/eval/align"))
DATA = os.environ.get("TM_EVAL_DATA", os.path.join(HERE, "../../shared/data"))
# The memory the repository ships: what `tm add` run from a checkout uses,
# a few releases whose lexicon is small.
SHIPPED = os.path.join(HERE, "../memory")


def quote_tsv(rows, path):
    """en/ru/kk rows -> a TSV `tm import` reads (every field quoted)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("en\tru\tkk\n")
        for cols in rows:
            if len(cols) == 3 and all(cols):
                f.write("\t".join('"' + c.replace('"', '""') + '"' for c in cols) + "\n")


def align(tm, doc, flags):
    return "".join(line + "\n" for line in aligned_lines(tm, doc, flags))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tm")
    ap.add_argument("out")
    ap.add_argument("--splits", default="all,tune", help="of all, tune, heldout (default all,tune)")
    ap.add_argument("--modes", default="no-lexicon,other-docs", help="of no-lexicon, other-docs, shipped (the repository's memory)")
    args = ap.parse_args()
    tm = os.path.abspath(args.tm)
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    docs_dir = os.path.join(DATA, "docs/dev")
    with open(os.path.join(docs_dir, "index.tsv"), encoding="utf-8") as f:
        header, *rows = [l.rstrip("\n") for l in f if l.strip()]
    order = [r.split("\t")[0] for r in rows]
    fold = {d: i % 3 for i, d in enumerate(order)}

    modes = args.modes.split(",")
    if "other-docs" in modes:
        with open(os.path.join(DATA, "pairs/dev.tsv"), encoding="utf-8") as f:
            pairs = [l.rstrip("\n").split("\t") for l in f]
        with open(os.path.join(DATA, "pairs/dev.meta.tsv"), encoding="utf-8") as f:
            owner = [l.rstrip("\n").split("\t")[1] for l in f]
        for k in range(3):
            mem = os.path.join(out, f"memory-{k}")
            if os.path.exists(mem):
                continue
            tsv = os.path.join(out, f"pairs-{k}.tsv")
            quote_tsv([p for p, d in zip(pairs, owner) if fold.get(d) != k], tsv)
            subprocess.run([tm, "import", "--memory", mem, tsv], check=True, capture_output=True)

    def flags(mode, d):
        if mode == "no-lexicon":
            return ["--no-lexicon"]
        if mode == "shipped":
            return ["--memory", SHIPPED]
        return ["--memory", os.path.join(out, f"memory-{fold[d]}")]

    splits = {
        "all": order,
        "tune": [d for d in order if fold[d] != 2],
        "heldout": [d for d in order if fold[d] == 2],
    }
    wanted = args.splits.split(",")
    todo = sorted({d for s in wanted for d in splits[s]}, key=order.index)
    for mode in modes:
        pred = os.path.join(out, f"pred-{mode}")
        os.makedirs(pred, exist_ok=True)
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            texts = pool.map(lambda d: align(tm, os.path.join(docs_dir, d), flags(mode, d)), todo)
            for d, text in zip(todo, texts):
                with open(os.path.join(pred, d + ".tsv"), "w", encoding="utf-8") as f:
                    f.write(text)
        for s in wanted:
            split = os.path.join(out, f"split-{s}")
            os.makedirs(split, exist_ok=True)
            with open(os.path.join(split, "index.tsv"), "w", encoding="utf-8") as f:
                f.write(header + "\n" + "".join(r + "\n" for r in rows if r.split("\t")[0] in splits[s]))
            for d in splits[s]:
                link = os.path.join(split, d)
                if not os.path.exists(link):
                    os.symlink(os.path.join(docs_dir, d), link)
            res = os.path.join(out, f"{s}-{mode}.json")
            subprocess.run([sys.executable, os.path.join(KIT, "score.py"), split, "--pred", pred, "--json", res],
                           check=True, capture_output=True)
            agg = json.load(open(res, encoding="utf-8"))["aggregate"]
            line = []
            for part in ("all", "unperturbed", "perturbed"):
                m = agg.get(part, {})
                line.append("%s %s" % (part, " / ".join("%.3f" % m[p]["tiled_f1"] if p in m else "-"
                                                         for p in ("en-ru", "en-kk"))))
            print(f"{s:8} {mode:11} " + "   ".join(line))
    if len(modes) > 1:
        # Identical figures with and without the lexicon can mean the lexicon
        # changed nothing there, or never reached tm: say which documents
        # it changed (each fold's memory is the same kind of file).
        for s in wanted:
            read = lambda m, d: open(os.path.join(out, f"pred-{m}", d + ".tsv"), encoding="utf-8").read()
            changed = [d for d in splits[s] if len({read(m, d) for m in modes}) > 1]
            print(f"{s:8} lexicon changed {len(changed)} of {len(splits[s])} documents")


if __name__ == "__main__":
    main()
