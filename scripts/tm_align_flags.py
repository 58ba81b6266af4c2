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

tm, doc, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
cmd = [tm, "add", "--dry-run", "--format", "json"] + extra
for lang in ("en", "ru", "kk"):
    cmd += [f"--{lang}", os.path.join(doc, f"{lang}.txt")]
out = subprocess.run(cmd, capture_output=True, text=True)
if out.returncode != 0:
    sys.exit(f"tm failed on {doc}: {out.stderr.strip()}")
for unit in json.loads(out.stdout)["units"]:
    print("\t".join(" ".join((unit.get(l) or "").split()) for l in ("en", "ru", "kk")))
