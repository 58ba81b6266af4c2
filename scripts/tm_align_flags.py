#!/usr/bin/env python3
"""Like ../shared/eval/align/tm_align.py, but passes any further arguments on
to `tm add` (e.g. `--no-lexicon`, `--memory PATH`), so score.py can measure
with and without the lexicon, and with a memory built from other documents:

    python3 ../shared/eval/align/score.py tests/data/align/heldout \
        --cmd 'python3 scripts/tm_align_flags.py target/release/tm {dir} --memory /tmp/tune-mem'
"""
import json
import os
import subprocess
import sys

LANGS = ("en", "ru", "kk")


def aligned_lines(tm, doc, flags, langs=LANGS):
    """The units `tm add --dry-run` makes of DOC/{lang}.txt with `flags`, one
    tab-separated line each (en, ru, kk; whitespace collapsed); the one
    runner of tm for the alignment scripts (tm_align_lines.py, align_kit.py)."""
    cmd = [tm, "add", "--dry-run", "--format", "json"] + list(flags)
    for lang in langs:
        cmd += [f"--{lang}", os.path.join(doc, f"{lang}.txt")]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"tm failed on {doc}: {out.stderr.strip()}")
    return [
        "\t".join(" ".join((unit.get(l) or "").split()) for l in LANGS)
        for unit in json.loads(out.stdout)["units"]
    ]


if __name__ == "__main__":
    for line in aligned_lines(sys.argv[1], sys.argv[2], sys.argv[3:]):
        print(line)
