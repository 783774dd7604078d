"""Benchmarks: `python -m bench.run --sizes 10k,100k,1m` (see bench/run.py)."""
