#!/usr/bin/python3
"""Golden performance figures (docs/METHODOLOGY.md, "Performance"): period returns, maximum drawdown,
annualised return and volatility, Sharpe, Sortino, and beta / alpha / R² / tracking error / information
ratio against a benchmark (statsmodels OLS), with both cumulative lines. numpy / pandas / statsmodels
only, from the bundled prices.

Two parts:
- "cases": book return series made here (a fixed mix of bundled symbols rebalanced daily, and a
  synthetic series that never falls below the risk-free rate), each as of several dates; the unit test
  feeds the same inputs to the engine.
- "book": a stock book (a short among the longs, a deposit and a withdrawal) valued independently by
  cash accounting from the bundled closes; the integration test imports the same book, runs the batch
  and compares GET /api/portfolios/[id]/performance with these figures, against SPY and against QQQ.

Writes tests/fixtures/golden/performance.json.

Run: /usr/bin/python3 scripts/golden/performance.py
"""
import io
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.api as sm

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "golden"

YEAR = 252
MIN_RETURNS = 63
RISK_FREE_RATE = 0.04

BOOK_INCEPTION = "2025-04-01"
BOOK_AS_OF = "2026-06-30"
BOOK_STARTING_EQUITY = 750_000.0
BOOK_CSV = """symbol,quantity,entry_price,entry_date,type,class,subtype,underlying,strike,expiry,exit_price,exit_date
AAPL,900,223.19,2025-04-01,LONG,PUBLIC,,,,,,
MSFT,400,382.19,2025-04-01,LONG,PUBLIC,,,,,,
KO,-1500,71.1,2025-04-01,SHORT,PUBLIC,,,,,,
TLT,2000,90.2,2025-04-01,LONG,PUBLIC,,,,,,
"""
BOOK_FLOWS = {"2025-08-15": 50_000.0, "2026-02-17": -30_000.0}
BOOK_AS_OF_DATES = ["2025-05-30", "2025-12-31", "2026-03-13", BOOK_AS_OF]


def load_closes() -> pd.DataFrame:
    prices = pd.read_csv(ROOT / "data" / "market" / "prices.csv.gz")
    return prices.pivot(index="date", columns="symbol", values="close").sort_index()


CLOSES = load_closes()
# The trading calendar: every date of the bundled price axis (the NYSE days of the data).
CALENDAR = CLOSES.index.tolist()
RETURNS = CLOSES / CLOSES.shift(1) - 1


def anchor(period: str, as_of: str) -> str:
    """The last trading day before the month / quarter / year of as_of begins."""
    year, month = int(as_of[:4]), int(as_of[5:7])
    start_month = {"MTD": month, "QTD": month - (month - 1) % 3, "YTD": 1}[period]
    start = f"{year:04d}-{start_month:02d}-01"
    return [d for d in CALENDAR if d < start][-1]


def figure(value) -> dict:
    return {"value": float(value), "reason": None} if value is not None and math.isfinite(value) else {"value": None}


def performance(dates: list[str], returns: list[float], bench: list[float], as_of: str) -> dict:
    """Every figure as of `as_of` from the book's days (the first is inception, its return unused)."""
    keep = [i for i, d in enumerate(dates) if d <= as_of]
    dates = [dates[i] for i in keep]
    r = pd.Series([returns[i] for i in keep][1:], index=dates[1:], dtype=float)
    b = pd.Series([bench[i] for i in keep][1:], index=dates[1:], dtype=float)

    periods = []
    for key in ["MTD", "QTD", "YTD", "1Y", "ITD"]:
        if key in ("MTD", "QTD", "YTD"):
            a = anchor(key, as_of)
            window = r[r.index > a]
            expected = sum(1 for d in CALENDAR if a < d <= as_of)
        elif key == "1Y":
            window, expected = r.tail(YEAR), YEAR
        else:
            window, expected = r, len(r)
        periods.append({
            "period": key,
            "value": float((1 + window).prod() - 1) if len(window) else None,
            "from": window.index[0] if len(window) else None,
            "returns": int(len(window)),
            "expected": int(expected),
            "partial": bool(len(window) < expected),
        })

    drawdown = None
    if len(r):
        wealth = pd.concat([pd.Series([1.0], index=[dates[0]]), (1 + r).cumprod()])
        dd = wealth / wealth.cummax() - 1
        if dd.min() < 0:
            trough = dd.idxmin()
            peak = wealth.loc[:trough].idxmax()
            after = wealth[(wealth.index > trough) & (wealth >= wealth[peak])]
            drawdown = {"value": float(dd.min()), "peakDate": peak, "troughDate": trough, "recoveryDate": after.index[0] if len(after) else None}
        else:
            drawdown = {"value": 0.0, "peakDate": None, "troughDate": None, "recoveryDate": None}

    last = r.tail(YEAR)
    n = len(last)
    risk = {"n": n}
    if n >= MIN_RETURNS:
        rf = RISK_FREE_RATE / YEAR
        excess = last - rf
        sd = last.std(ddof=1)
        downside = math.sqrt((np.minimum(excess, 0) ** 2).mean())
        risk.update({
            "from": last.index[0],
            "annualisedReturn": figure((1 + last).prod() ** (YEAR / n) - 1),
            "annualisedVol": figure(sd * math.sqrt(YEAR)),
            "sharpe": figure(excess.mean() / sd * math.sqrt(YEAR)),
            "sortino": figure(excess.mean() / downside * math.sqrt(YEAR) if downside > 0 else None),
        })

    pair = pd.DataFrame({"r": last, "b": b.reindex(last.index)}).dropna()
    against = {"n": len(pair)}
    if len(pair) >= MIN_RETURNS:
        fit = sm.OLS(pair["r"].to_numpy(), sm.add_constant(pair["b"].to_numpy())).fit()
        active = pair["r"] - pair["b"]
        te = active.std(ddof=1) * math.sqrt(YEAR)
        against.update({
            "from": pair.index[0],
            "beta": figure(fit.params[1]),
            "alpha": figure(fit.params[0] * YEAR),
            "rSquared": figure(fit.rsquared),
            "trackingError": figure(te),
            "informationRatio": figure(active.mean() * YEAR / te),
        })

    both = pd.DataFrame({"r": r, "b": b}).dropna()
    cumulative = [{"date": dates[0], "portfolio": 0.0, "benchmark": 0.0}] + [
        {"date": d, "portfolio": float(p), "benchmark": float(q)}
        for d, p, q in zip(both.index, (1 + both["r"]).cumprod() - 1, (1 + both["b"]).cumprod() - 1)
    ]
    return {"asOf": as_of, "periods": periods, "drawdown": drawdown, "riskAdjusted": risk, "benchmark": against, "cumulative": cumulative}


def bench_returns(symbol: str, dates: list[str]) -> list[float]:
    return [float(RETURNS.at[d, symbol]) for d in dates]


def mix_case(name: str, weights: dict, inception: str, end: str, as_ofs: list[str], drop_bench: list[str] = ()) -> dict:
    dates = [d for d in CALENDAR if inception <= d <= end]
    mix = sum(w * RETURNS[s] for s, w in weights.items())
    returns = [0.0] + [float(mix[d]) for d in dates[1:]]
    bench = [math.nan if d in drop_bench else v for d, v in zip(dates, bench_returns("SPY", dates))]
    return {
        "name": name,
        "dates": dates,
        "returns": returns,
        "benchmarkReturns": [None if math.isnan(v) else v for v in bench],
        "results": [performance(dates, returns, bench, a) for a in as_ofs],
    }


def steady_case() -> dict:
    """Returns that never fall below the risk-free rate: Sortino has no downside deviation."""
    dates = [d for d in CALENDAR if "2024-01-02" <= d <= "2024-09-30"]
    returns = [0.0] + [0.0004 + 0.0003 * math.sin(i) ** 2 for i in range(1, len(dates))]
    bench = bench_returns("SPY", dates)
    return {"name": "steady", "dates": dates, "returns": returns, "benchmarkReturns": bench, "results": [performance(dates, returns, bench, dates[-1])]}


def book_days() -> tuple[list[str], list[float], list[float]]:
    """NAV by cash accounting: the first day marked at its own close, then only flows move cash."""
    book = pd.read_csv(io.StringIO(BOOK_CSV))
    assert (book["entry_date"] == BOOK_INCEPTION).all()
    dates = [d for d in CALENDAR if BOOK_INCEPTION <= d <= BOOK_AS_OF]
    value = lambda d: float(sum(q * CLOSES.at[d, s] for s, q in zip(book["symbol"], book["quantity"])))
    cash = BOOK_STARTING_EQUITY - value(dates[0]) + BOOK_FLOWS.get(dates[0], 0.0)
    navs, returns = [], []
    for d in dates:
        if navs:
            cash += BOOK_FLOWS.get(d, 0.0)
        nav = cash + value(d)
        returns.append(0.0 if not navs else (nav - navs[-1] - BOOK_FLOWS.get(d, 0.0)) / navs[-1])
        navs.append(nav)
    return dates, navs, returns


def main() -> None:
    cases = [
        # A 60/40 stock/bond mix through the 2020 crash: a drawdown not yet recovered, then recovered.
        mix_case("aapl-tlt", {"AAPL": 0.6, "TLT": 0.4}, "2019-06-03", "2021-03-31", ["2020-01-31", "2020-03-23", "2020-09-30", "2021-03-31"]),
        # A book started mid-quarter, with benchmark days missing.
        mix_case("long-short", {"MSFT": 1.2, "KO": -0.5, "SPY": 0.3}, "2023-02-15", "2024-06-28", ["2023-04-28", "2024-02-29", "2024-06-28"],
                 drop_bench=["2023-03-01", "2023-11-02", "2024-05-15"]),
        steady_case(),
    ]
    dates, navs, returns = book_days()
    book = {
        "inceptionDate": BOOK_INCEPTION,
        "asOfDate": BOOK_AS_OF,
        "startingEquity": BOOK_STARTING_EQUITY,
        "riskFreeRate": RISK_FREE_RATE,
        "csv": BOOK_CSV,
        "flows": [{"date": d, "amount": a} for d, a in BOOK_FLOWS.items()],
        "navs": [{"date": d, "nav": n} for d, n in zip(dates, navs)],
        "benchmarks": {
            s: [performance(dates, returns, bench_returns(s, dates), a) for a in BOOK_AS_OF_DATES] for s in ["SPY", "QQQ"]
        },
    }
    first = min(min(c["dates"]) for c in cases)
    calendar = [d for d in CALENDAR if d >= f"{int(first[:4]) - 1}-12-01"]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "performance.json").write_text(json.dumps({
        "source": "scripts/golden/performance.py (numpy, pandas, statsmodels OLS)",
        "riskFreeRate": RISK_FREE_RATE,
        "calendar": calendar,
        "cases": cases,
        "book": book,
    }, indent=1) + "\n")


if __name__ == "__main__":
    main()
