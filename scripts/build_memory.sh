#!/bin/sh
# Rebuilds the shipped default memory, memory/tm.json, from every example
# release (examples/release-N.{en,ru,kk}.txt) with `tm add`.
#
#     scripts/build_memory.sh [path/to/tm]
set -eu
cd "$(dirname "$0")/.."
tm=${1:-target/release/tm}
rm -f memory/tm.json
for en in examples/release-*.en.txt; do
    base=${en%.en.txt}
    "$tm" --memory memory/tm.json add --en "$en" --ru "$base.ru.txt" --kk "$base.kk.txt"
done
