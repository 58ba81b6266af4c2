#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 600, the long run;
# .ci/run uses a short smoke run). Needs cargo-fuzz; on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets it use the sanitizer flags it needs.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(RUSTC_BOOTSTRAP=1 cargo fuzz list)
fi
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
    echo "== fuzz $t for ${seconds}s"
    mkdir -p "corpus/$t"
    # -timeout: any single input taking over 10 s is a failure (a hang).
    log="$(mktemp)"
    status=0
    # Seeds: the project's own examples and test files of the right kind.
    case "$t" in
        segment|align) seeds=(../examples) ;;
        tmx_read) seeds=(../tests/data) ;;
        memory_load) seeds=(seeds/memory_load ../memory) ;;
        localise) seeds=(seeds/localise) ;;
        documents) seeds=(seeds/documents) ;;
        *) seeds=() ;;
    esac
    cargo fuzz run -O "$t" "corpus/$t" "${seeds[@]}" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 >"$log" 2>&1 || status=$?
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done )" "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -40 "$log"
        echo "fuzz target $t failed"
        exit 1
    fi
    rm -f "$log"
done
