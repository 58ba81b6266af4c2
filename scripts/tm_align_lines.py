#!/usr/bin/env python3
"""Like ../shared/eval/align/tm_align.py, but runs `tm add --lines`: each line
of the texts is one segment. With the copies made by scripts/goldish_docs.py
this measures the aligner on gold sentence units, apart from the segmenter:

    python3 scripts/goldish_docs.py ../shared/data/docs/dev /tmp/goldish
    python3 ../shared/eval/align/score.py /tmp/goldish \
        --cmd "python3 scripts/tm_align_lines.py $CARGO_TARGET_DIR/release/tm {dir}"
"""
import json
import os
import subprocess
import sys

tm, doc = sys.argv[1], sys.argv[2]
cmd = [tm, "add", "--dry-run", "--format", "json", "--lines"]
for lang in os.environ.get("TM_LANGS", "en,ru,kk").split(","):
    cmd += [f"--{lang}", os.path.join(doc, f"{lang}.txt")]
out = subprocess.run(cmd, capture_output=True, text=True)
if out.returncode != 0:
    sys.exit(f"tm failed on {doc}: {out.stderr.strip()}")
for unit in json.loads(out.stdout)["units"]:
    print("\t".join(" ".join((unit.get(l) or "").split()) for l in ("en", "ru", "kk")))
