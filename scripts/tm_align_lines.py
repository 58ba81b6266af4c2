#!/usr/bin/env python3
"""Like ../shared/eval/align/tm_align.py, but runs `tm add --lines`: each line
of the texts is one segment. With the copies made by scripts/goldish_docs.py
this measures the aligner on gold sentence units, apart from the segmenter:

    python3 scripts/goldish_docs.py ../shared/data/docs/dev /tmp/goldish
    python3 ../shared/eval/align/score.py /tmp/goldish \
        --cmd "python3 scripts/tm_align_lines.py $CARGO_TARGET_DIR/release/tm {dir}"
"""
import os
import sys

from tm_align_flags import aligned_lines

langs = os.environ.get("TM_LANGS", "en,ru,kk").split(",")
for line in aligned_lines(sys.argv[1], sys.argv[2], ["--lines"], langs):
    print(line)
