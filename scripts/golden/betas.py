#!/usr/bin/python3
"""Golden factor betas (docs/METHODOLOGY.md, "Factor betas"): statsmodels OLS for MARKET, IR and the spreads, sklearn Ridge for
the six style factors, on the bundled prices. Writes tests/fixtures/golden/symbol-betas.json.

Run: /usr/bin/python3 scripts/golden/betas.py
"""
from common import load_returns, symbol_betas, write

SYMBOLS = ["AAPL", "MSFT", "JPM", "XOM", "TSLA", "NVDA", "AVGO", "KO", "TLT", "GLD", "BIL", "NFLX"]
# March 2020 (crash and bottom), the 2022 low, a date with a capped QUALITY_SPREAD beta (TSLA −6.25),
# and the last date of the data.
DATES = ["2020-03-16", "2020-03-23", "2022-10-14", "2025-12-24", "2026-07-13"]
# Late listings (PLTR 2020-09-30, ABNB 2020-12-10): too little history, partly enough, enough.
LATE = {"PLTR": ["2020-10-15", "2020-11-30", "2021-09-30"], "ABNB": ["2020-12-31", "2021-06-30"]}


def main() -> None:
    rets = load_returns()
    cases = [{"symbol": s, "date": d, "betas": symbol_betas(rets, s, d)} for s in SYMBOLS for d in DATES]
    cases += [{"symbol": s, "date": d, "betas": symbol_betas(rets, s, d)} for s, ds in LATE.items() for d in ds]
    capped = [(c["symbol"], c["date"], k) for c in cases for k, b in c["betas"].items() if b.get("capped")]
    assert capped, "expected at least one capped beta among the golden cases"
    write("symbol-betas.json", {"source": "scripts/golden/betas.py (statsmodels OLS, sklearn Ridge)", "cases": cases})
    print("capped:", capped)


if __name__ == "__main__":
    main()
