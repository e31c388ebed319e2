#!/usr/bin/python3
"""Regenerates every golden fixture in tests/fixtures/golden (npm run golden)."""
import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
for name in ["nist.py", "betas.py", "stress.py", "black_scholes.py", "portfolio.py", "end_to_end.py", "performance.py", "analysis.py"]:
    if (HERE / name).exists():
        print(f"== {name}")
        runpy.run_path(str(HERE / name), run_name="__main__")
