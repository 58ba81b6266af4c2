#!/bin/sh
# Measures `tm add` alignment on our own cases (tests/data/align/{tune,heldout})
# with the alignment kit's score.py, without and with the lexicon. The
# lexicon's memory never holds the documents measured: for a tune set it is
# built from the kit's dev sentence pairs, for a held-out set from those and
# the gold units of every tune set (tune, tune2, …).
#
#     scripts/align_own.sh tune|heldout|tune2|heldout2 [path/to/tm] [OUT_DIR]
set -eu
cd "$(dirname "$0")/.."
split=$1
tm=$(realpath "${2:-target/release/tm}")
out=${3:-$(mktemp -d)}
kit=${TM_ALIGN_KIT:-../shared/eval/align}
pairs=${TM_EVAL_PAIRS:-../shared/data/pairs/dev.tsv}
mkdir -p "$out"
quote() { # en<TAB>ru<TAB>kk lines -> a TSV tm import reads (every field quoted)
    python3 -c '
import sys
print("en\tru\tkk")
for line in sys.stdin:
    cols = line.rstrip("\n").split("\t")
    if len(cols) == 3 and all(cols):
        print("\t".join("\"" + c.replace("\"", "\"\"") + "\"" for c in cols))'
}
mem=$out/memory-$split
rm -rf "$mem"
quote < "$pairs" > "$out/pairs.tsv"
"$tm" import --memory "$mem" "$out/pairs.tsv" > /dev/null
case $split in heldout*)
    for d in tests/data/align/tune*/*/; do
        case $d in *-p/) continue ;; esac
        cat "$d/gold.tsv"
    done | quote > "$out/tune.tsv"
    "$tm" import --memory "$mem" "$out/tune.tsv" > /dev/null
esac
for mode in no-lexicon lexicon; do
    if [ $mode = lexicon ]; then flags="--memory $mem"; else flags="--no-lexicon --memory $mem"; fi
    echo "== $split, $mode"
    python3 "$kit/score.py" "tests/data/align/$split" --json "$out/$split-$mode.json" \
        --cmd "python3 scripts/tm_align_flags.py $tm {dir} $flags" | grep -E 'en-ru|en-kk'
done
