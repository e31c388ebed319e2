#!/usr/bin/python3
"""End-to-end golden of the daily batch: every figure the batch stores for one small book, day by day,
computed independently with numpy / pandas / statsmodels / scikit-learn / scipy from the bundled prices.

The book (a CSV as the import takes it, plus capital flows) holds a long and a short stock, a long
call that expires mid-range (in the money), a short put entered mid-range, a position closed mid-range,
a second lot of an already-held symbol added mid-range, and a private holding at its entry price.

Definitions are those of the unit goldens (the independent reference agreed for the engine):
- NAV by cash accounting (scripts/golden/portfolio.py nav_case): the first day is marked at its own
  close (cash = starting equity − Σ market value + the day's flow); afterwards cash moves only by entry
  costs, exit proceeds, option settlements and capital flows; NAV = cash + Σ market values of the
  positions open at the close. P&L = ΔNAV − flow; daily return = P&L / previous NAV; both 0 on the
  first day. "cash" as stored is NAV − long + |short| (exposures), as in nav_case.
- A position is open at a close from its entry date on, until (excluding) its exit date; an option
  until (including) its expiry. Entry cost and exit proceeds are quantity × price × multiplier (100
  for options). An expired option settles in cash at its intrinsic value on the expiry date's close.
- Options: Black–Scholes (scripts/golden/black_scholes.py) on the underlying's close, the annualised
  sample volatility of its last 63 daily returns, r = 0.04, T = calendar days to expiry / 365 (T = 0 on
  the expiry date: intrinsic value). Market value = premium × contracts × 100; exposure = delta ×
  contracts × 100 × spot.
- Factor betas: common.symbol_betas (statsmodels OLS, sklearn Ridge, capped at ±5); portfolio beta =
  Σ exposure × beta / NAV over non-private positions, coverage as in portfolio.py factor_exposure.
- Volatility, VaR, correlation, concentration and sectors: the functions of scripts/golden/portfolio.py.

Writes tests/fixtures/golden/end-to-end-book.json.

Run: /usr/bin/python3 scripts/golden/end_to_end.py
"""
import io
import math
from datetime import date as Date

import numpy as np
import pandas as pd

from black_scholes import bs
from common import FACTORS, symbol_betas, write
import portfolio as ref  # volatility, value_at_risk, return_series, correlation, concentration, sector

INCEPTION = "2026-03-02"
AS_OF = "2026-04-30"
STARTING_EQUITY = 1_000_000.0
RISK_FREE_RATE = 0.04
MULTIPLIER = 100
VOL_HISTORY_RETURNS = 294  # 21 lagged + 252 fit dates + 21 forward (HAR, the longest need)
LOW_COVERAGE = 0.8

BOOK_CSV = """symbol,quantity,entry_price,entry_date,type,class,subtype,underlying,strike,expiry,exit_price,exit_date
AAPL,300,264.5,2026-03-02,LONG,PUBLIC,,,,,,
MSFT,120,398,2026-03-02,LONG,PUBLIC,,,,,,
KO,-600,79.2,2026-03-02,SHORT,PUBLIC,,,,,,
XOM,400,152.8,2026-03-02,LONG,PUBLIC,,,,,156.1,2026-04-08
TLT,500,88.3,2026-03-02,LONG,PUBLIC,,,,,,
AAPL260417C00250000,4,18.4,2026-03-02,LC,OPTIONS,OPTION,AAPL,250,2026-04-17,,
MSFT260918P00380000,-3,22,2026-03-16,SP,OPTIONS,OPTION,MSFT,380,2026-09-18,,
MSFT,80,372.25,2026-04-06,LONG,PUBLIC,,,,,,
Riverside Growth Fund LP,1,50000,2026-03-02,LONG,PRIVATE,PRIVATE_EQUITY,,,,,
"""
FLOWS = {"2026-03-16": 100_000.0, "2026-04-22": -60_000.0}


def read_book() -> list[dict]:
    df = pd.read_csv(io.StringIO(BOOK_CSV), dtype=str, keep_default_na=False)
    book = []
    for _, r in df.iterrows():
        p = {
            "key": f"{r['symbol']}@{r['entry_date']}",
            "symbol": r["symbol"],
            "quantity": float(r["quantity"]),
            "entryPrice": float(r["entry_price"]),
            "entryDate": r["entry_date"],
            "exitPrice": float(r["exit_price"]) if r["exit_price"] else None,
            "exitDate": r["exit_date"] or None,
            "type": r["type"],
            "class": r["class"],
            "option": None,
        }
        if r["class"] == "OPTIONS":
            p["option"] = {"underlying": r["underlying"], "right": "C" if r["type"] in ("LC", "SC") else "P",
                           "strike": float(r["strike"]), "expiry": r["expiry"]}
        book.append(p)
    return book


def multiplier(p) -> int:
    return MULTIPLIER if p["option"] else 1


def risk_symbol(p) -> str:
    return p["option"]["underlying"] if p["option"] else p["symbol"]


def is_open(p, d) -> bool:
    if p["entryDate"] > d or (p["exitDate"] is not None and p["exitDate"] <= d):
        return False
    return p["option"] is None or d <= p["option"]["expiry"]


def realized_vol_63(rets: pd.DataFrame, symbol: str, d: str) -> float:
    r = rets[symbol].loc[:d].dropna().tail(63)
    assert len(r) == 63
    return float(np.std(r.to_numpy(), ddof=1) * math.sqrt(252))


def value(p, d, closes, rets) -> dict:
    """Price, market value and exposure at the close of d (and the Greeks of an option)."""
    q = p["quantity"]
    if p["class"] == "PRIVATE":
        mv = q * p["entryPrice"]  # no mark: valued at its entry price
        return {"price": p["entryPrice"], "marketValue": mv, "exposure": mv}
    if p["option"] is None:
        px = float(closes.at[d, p["symbol"]])
        return {"price": px, "marketValue": q * px, "exposure": q * px}
    o = p["option"]
    spot = float(closes.at[d, o["underlying"]])
    vol = realized_vol_63(rets, o["underlying"], d)
    years = max(0.0, (Date.fromisoformat(o["expiry"]) - Date.fromisoformat(d)).days / 365)
    g = bs(o["right"], spot, o["strike"], years, vol, RISK_FREE_RATE)
    contracts = q * MULTIPLIER
    return {"price": g["price"], "marketValue": g["price"] * contracts, "exposure": g["delta"] * contracts * spot,
            "greeks": {"underlyingPrice": spot, "volatility": vol, "timeToExpiry": years, **g}}


def intrinsic(p, closes) -> float:
    o = p["option"]
    s = float(closes.at[o["expiry"], o["underlying"]])
    return max(s - o["strike"], 0.0) if o["right"] == "C" else max(o["strike"] - s, 0.0)


def factor_figures(held: list[tuple[dict, dict]], betas: dict, nav: float) -> dict:
    public = [(p, v) for p, v in held if p["class"] != "PRIVATE"]
    gross = sum(abs(v["exposure"]) for _, v in public)
    out = {}
    for f in FACTORS:
        dollars = covered = r2w = 0.0
        for p, v in public:
            b = betas[risk_symbol(p)][f]
            if not b["ok"]:
                continue
            dollars += v["exposure"] * b["beta"]
            covered += abs(v["exposure"])
            r2w += abs(v["exposure"]) * b["rSquared"]
        coverage = covered / gross
        out[f] = {"beta": dollars / nav, "dollars": dollars, "coverage": coverage, "lowCoverage": bool(coverage < LOW_COVERAGE),
                  "rSquared": r2w / covered}
    return out


def main() -> None:
    closes = ref.closes
    rets = ref.simple
    book = read_book()
    days = closes.loc[INCEPTION:AS_OF].index.tolist()
    assert days[0] == INCEPTION and days[-1] == AS_OF

    out_days = []
    cash = None
    prev = None  # (date, nav, {key: market value})
    flows_to_date = 0.0
    for d in days:
        held = [(p, value(p, d, closes, rets)) for p in book if is_open(p, d)]
        flow = FLOWS.get(d, 0.0)
        flows_to_date += flow
        realized = 0.0
        if prev is None:
            # The first day is marked at its own close: the book is worth the starting equity.
            cash = STARTING_EQUITY - sum(v["marketValue"] for _, v in held)
        else:
            pd_, _, prev_mv = prev
            for p in book:
                base = prev_mv.get(p["key"], p["quantity"] * p["entryPrice"] * multiplier(p))
                if pd_ < p["entryDate"] <= d:
                    cash -= p["quantity"] * p["entryPrice"] * multiplier(p)
                if p["exitDate"] is not None and pd_ < p["exitDate"] <= d:
                    proceeds = p["quantity"] * p["exitPrice"] * multiplier(p)
                    cash += proceeds
                    realized += proceeds - base
                if p["option"] and pd_ <= p["option"]["expiry"] < d and (p["exitDate"] is None or p["exitDate"] > p["option"]["expiry"]):
                    settlement = p["quantity"] * intrinsic(p, closes) * MULTIPLIER
                    cash += settlement
                    realized += settlement - base
        cash += flow
        mv_total = sum(v["marketValue"] for _, v in held)
        nav = cash + mv_total
        exposures = [v["exposure"] for _, v in held]
        long = sum(x for x in exposures if x > 0)
        short = sum(x for x in exposures if x < 0)
        pnl = 0.0 if prev is None else nav - prev[1] - flow
        day = {
            "date": d,
            "nav": nav,
            "pnlDay": pnl,
            "pnlCumulative": nav - STARTING_EQUITY - flows_to_date,
            "dailyReturn": 0.0 if prev is None else pnl / prev[1],
            "realizedPnl": realized,
            "capitalFlow": flow,
            "longExposure": long,
            "shortExposure": short,
            "grossExposure": long - short,
            "netExposure": long + short,
            "cash": nav - long + abs(short),
            "cashBalance": cash,  # the cash account itself (not a stored figure): NAV − Σ market value
            "privateValue": sum(v["marketValue"] for p, v in held if p["class"] == "PRIVATE"),
            "numPositions": len(held),
            "numLong": int(sum(x > 0 for x in exposures)),
            "numShort": int(sum(x < 0 for x in exposures)),
        }
        # Per position: price, market value, exposure, weight in NAV, P&L of the day and since entry.
        day["positions"] = {}
        day["greeks"] = {}
        for p, v in held:
            cost = p["quantity"] * p["entryPrice"] * multiplier(p)
            base = v["marketValue"] if prev is None else prev[2].get(p["key"], cost)
            day["positions"][p["key"]] = {"price": v["price"], "marketValue": v["marketValue"], "exposure": v["exposure"],
                                          "weight": v["exposure"] / nav, "pnlDay": v["marketValue"] - base,
                                          "pnlTotal": v["marketValue"] - cost}
            if "greeks" in v:
                day["greeks"][p["key"]] = v["greeks"]

        # Factor exposures from the symbol betas of the date.
        public_symbols = sorted({risk_symbol(p) for p, _ in held if p["class"] != "PRIVATE"})
        betas = {s: symbol_betas(rets, s, d) for s in public_symbols}
        day["factors"] = factor_figures(held, betas, nav)

        # Volatility, VaR, correlation, concentration and sectors by the unit goldens' functions.
        values = pd.DataFrame([{"id": p["key"], "riskSymbol": risk_symbol(p), "class": p["class"], "exposure": v["exposure"],
                                "marketValue": v["marketValue"]} for p, v in held])
        exposures_by_symbol = values[values["class"] != "PRIVATE"].groupby("riskSymbol")["exposure"].sum()
        dates, dollar_pnl, r = ref.return_series(exposures_by_symbol, nav, d, VOL_HISTORY_RETURNS)
        assert len(r) == VOL_HISTORY_RETURNS
        vol = ref.volatility(dates, r)
        day["volatility"] = {k: vol[k] for k in ["realized21", "realized63", "harForecast", "ewmaForecast", "percentile", "trend"]}
        var = ref.value_at_risk(dollar_pnl, nav)
        day["var"] = {f"{m}{int(lvl['confidence'] * 100)}": {"var": lvl["var"], "es": lvl["es"]}
                      for m in ["historical", "parametric"] for lvl in var[m]}
        c = ref.concentration(values)
        day["concentration"] = {k: c[k] for k in ["hhi", "effectivePositions", "top3Share", "top10Share"]}
        day["sector"] = ref.sector(values, nav)
        private = values[values["class"] == "PRIVATE"]["exposure"]
        day["unclassified"] = {"privateGross": float(private.abs().sum()), "privateNet": float(private.sum())}
        corr = ref.correlation(exposures_by_symbol, nav, d)
        day["correlation"] = {k: corr[k] for k in ["symbols", "matrix", "weights", "averageAbsCorrelation", "effectiveBets", "from", "to"]}

        out_days.append(day)
        prev = (d, nav, {p["key"]: v["marketValue"] for p, v in held})

    write("end-to-end-book.json", {
        "source": "scripts/golden/end_to_end.py (cash-accounting NAV, scipy Black–Scholes, statsmodels/sklearn betas, portfolio.py analytics)",
        "inceptionDate": INCEPTION,
        "asOfDate": AS_OF,
        "startingEquity": STARTING_EQUITY,
        "riskFreeRate": RISK_FREE_RATE,
        "csv": BOOK_CSV,
        "flows": [{"date": d, "amount": a} for d, a in sorted(FLOWS.items())],
        "positions": [{k: p[k] for k in ["key", "symbol", "quantity", "entryDate", "exitDate", "class"]} for p in book],
        "days": out_days,
    })


if __name__ == "__main__":
    main()
