#!/bin/sh
# Rebuilds the shipped default memory, the folder memory/ (its header and
# memory/units/), from every example release (examples/release-N.{en,ru,kk}.txt)
# with `tm add`.
#
#     scripts/build_memory.sh [path/to/tm]
set -eu
cd "$(dirname "$0")/.."
tm=${1:-target/release/tm}
rm -rf memory/units memory/tm-memory.json memory/.cache memory/.lock memory/tm.json
for en in examples/release-*.en.txt; do
    base=${en%.en.txt}
    "$tm" --memory memory add --en "$en" --ru "$base.ru.txt" --kk "$base.kk.txt"
done
