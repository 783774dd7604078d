"""Time to generate one document: ``.venv/bin/python tests/documents/bench_generate.py``.

Prints the median of 20 runs per format (after one warm-up run that loads the fonts).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from doc_samples import TODAY, make_detail

from legalaid.documents.context import build_context
from legalaid.documents.generator import DocumentGenerator

RUNS = 20


def main() -> None:
    template = sys.argv[1] if len(sys.argv) > 1 else "arbitration_application"
    generator = DocumentGenerator()
    context = build_context(make_detail(), today=TODAY)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("docx", "pdf"):
            out = Path(tmp) / f"bench.{fmt}"
            start = time.perf_counter()
            generator.generate(context, template, fmt, out)
            first = time.perf_counter() - start
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                generator.generate(context, template, fmt, out)
                times.append(time.perf_counter() - start)
            print(
                f"{template} .{fmt}: median {statistics.median(times) * 1000:.0f} ms "
                f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, "
                f"first run {first * 1000:.0f} ms, {out.stat().st_size // 1024} KB)"
            )


if __name__ == "__main__":
    main()
