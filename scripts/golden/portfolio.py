#!/usr/bin/python3
"""Golden values for the portfolio-level risk engine (lib/risk/*), computed independently with
numpy / pandas / statsmodels / scipy from the bundled prices (docs/METHODOLOGY.md).

Writes tests/fixtures/golden/portfolio-analytics.json (exposures, factor exposure, volatility, VaR,
correlation, concentration, sector for a few deterministic portfolios on a few dates, March 2020
included) and tests/fixtures/golden/portfolio-nav.json (a NAV roll-forward through March 2020 with an
entry, an exit and capital flows, by cash accounting).

Run: /usr/bin/python3 scripts/golden/portfolio.py
"""
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import norm

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "golden"

prices = pd.read_csv(ROOT / "data" / "market" / "prices.csv.gz")
closes = prices.pivot(index="date", columns="symbol", values="close").sort_index()
simple = closes / closes.shift(1) - 1  # NaN wherever either close is missing
logret = np.log(closes / closes.shift(1))
symbols = pd.read_csv(ROOT / "data" / "market" / "symbols.csv").set_index("symbol")

ANN = math.sqrt(252)


def stock(pid, symbol, qty, entry_price=100.0):
    return {"id": pid, "symbol": symbol, "quantity": qty, "entryPrice": entry_price, "entryDate": "2019-06-03",
            "exitPrice": None, "exitDate": None, "type": "LONG" if qty > 0 else "SHORT",
            "investmentClass": "PUBLIC", "option": None, "markPrice": None}


def option(pid, occ, underlying, right, strike, qty, delta, premium):
    kind = ("L" if qty > 0 else "S") + ("C" if right == "CALL" else "P")
    return {"id": pid, "symbol": occ, "quantity": qty, "entryPrice": premium, "entryDate": "2019-06-03",
            "exitPrice": None, "exitDate": None, "type": kind, "investmentClass": "OPTIONS",
            "option": {"underlying": underlying, "right": right, "strike": strike, "expiry": "2027-01-15", "multiplier": 100},
            "markPrice": None, "quote": {"delta": delta, "premium": premium}}


def private(pid, name, qty, entry_price, mark):
    return {"id": pid, "symbol": name, "quantity": qty, "entryPrice": entry_price, "entryDate": "2019-06-03",
            "exitPrice": None, "exitDate": None, "type": "LONG", "investmentClass": "PRIVATE", "option": None,
            "markPrice": mark}


PORTFOLIOS = [
    {
        "name": "long-only",
        "cash": 20_000.0,
        "positions": [
            stock("lo-1", "AAPL", 300), stock("lo-2", "MSFT", 150), stock("lo-3", "JPM", 200), stock("lo-4", "XOM", 400),
            stock("lo-5", "SPY", 60), stock("lo-6", "TLT", 120), stock("lo-7", "GLD", 80), stock("lo-8", "JNJ", 100),
            stock("lo-9", "AAPL", 50),  # a second lot: merged with lo-1 for concentration and correlation
            stock("lo-10", "KO", 5),  # too small for the correlation matrix
        ],
        # Betas deliberately missing: GLD has none at all, XOM none for IR.
        "noBeta": {"GLD": ["MARKET", "IR"], "XOM": ["IR"]},
    },
    {
        "name": "long-short-options-private",
        "cash": 150_000.0,
        "positions": [
            stock("ls-1", "NVDA", 400), stock("ls-2", "AMZN", 300), stock("ls-3", "UNH", 60), stock("ls-4", "HD", 80),
            stock("ls-5", "AAPL", 200), stock("ls-6", "TSLA", -150), stock("ls-7", "XLE", -300), stock("ls-8", "UBER", -400),
            stock("ls-9", "QQQ", -40),
            option("ls-10", "AAPL270115C00150000", "AAPL", "CALL", 150.0, 5, 0.55, 12.3),
            option("ls-11", "MSFT270115P00250000", "MSFT", "PUT", 250.0, -3, -0.35, 9.8),
            private("ls-12", "ACME-PE-FUND-II", 1000, 20.0, 25.0),
        ],
        "noBeta": {"UBER": ["MARKET", "IR"]},
    },
]

DATES = ["2020-03-23", "2024-06-28", "2026-07-13"]


def value_positions(positions, date):
    """(exposure, market value, risk symbol) per position at the close of `date`."""
    rows = []
    for p in positions:
        if p["investmentClass"] == "PUBLIC":
            px = closes.at[date, p["symbol"]]
            rows.append({"id": p["id"], "riskSymbol": p["symbol"], "class": "PUBLIC", "exposure": p["quantity"] * px, "marketValue": p["quantity"] * px})
        elif p["investmentClass"] == "OPTIONS":
            o = p["option"]
            px = closes.at[date, o["underlying"]]
            contracts = p["quantity"] * o["multiplier"]
            rows.append({"id": p["id"], "riskSymbol": o["underlying"], "class": "OPTIONS",
                         "exposure": p["quote"]["delta"] * contracts * px, "marketValue": p["quote"]["premium"] * contracts})
        else:
            v = p["quantity"] * (p["markPrice"] if p["markPrice"] is not None else p["entryPrice"])
            rows.append({"id": p["id"], "riskSymbol": p["symbol"], "class": "PRIVATE", "exposure": v, "marketValue": v})
    return pd.DataFrame(rows)


def ols_beta(symbol, proxy, date, window=90):
    df = pd.concat([simple[symbol], simple[proxy]], axis=1, keys=["y", "x"]).loc[:date].dropna().tail(window)
    return float(sm.OLS(df["y"], sm.add_constant(df["x"])).fit().params["x"])


def factor_exposure(values, betas, nav):
    held = values[values["class"] != "PRIVATE"]
    gross = held["exposure"].abs().sum()
    out = {}
    for f in ["MARKET", "IR"]:
        b = held["riskSymbol"].map(lambda s: betas.get(s, {}).get(f, np.nan))
        has = b.notna()
        dollars = float((held["exposure"][has] * b[has]).sum())
        coverage = float(held["exposure"][has].abs().sum() / gross)
        out[f] = {"beta": dollars / nav, "dollars": dollars, "coverage": coverage, "lowCoverage": bool(coverage < 0.8),
                  "missingSymbols": sorted(set(held["riskSymbol"][~has]))}
    return out


def return_series(exposures, nav, date, count):
    r = simple[list(exposures.index)].loc[:date].iloc[1:].dropna().tail(count)
    pnl = r.to_numpy() @ exposures.to_numpy()
    return r.index.tolist(), pnl, pnl / nav


def volatility(dates, r):
    n = len(r)
    out = {"observations": n, "firstDate": dates[0], "lastDate": dates[-1]}
    out["realized21"] = float(np.std(r[-21:], ddof=1) * ANN) if n >= 21 else None
    out["realized63"] = float(np.std(r[-63:], ddof=1) * ANN) if n >= 63 else None
    rolling = np.std(np.lib.stride_tricks.sliding_window_view(r, 21), axis=1, ddof=1)[-252:] * ANN
    out["rolling21"] = {"length": len(rolling), "first": float(rolling[0]), "last": float(rolling[-1]),
                        "firstDate": dates[n - len(rolling)]}
    out["percentile"] = float(np.mean(rolling < rolling[-1])) if len(rolling) == 252 else None
    if len(rolling) >= 21:
        y = rolling[-21:]
        slope = float(sm.OLS(y, sm.add_constant(np.arange(21.0))).fit().params[1])
        change = slope * 20
        out["trendSlope"] = slope
        out["trend"] = "rising" if change > 0.1 * y[-1] else "falling" if change < -0.1 * y[-1] else "stable"
    else:
        out["trendSlope"] = out["trend"] = None
    if n >= 252:
        w = 0.94 ** np.arange(252)
        w /= w.sum()
        out["ewmaForecast"] = float(math.sqrt(np.sum(w * r[::-1][:252] ** 2)) * ANN)
    else:
        out["ewmaForecast"] = None
    # HAR-RV direct: usable t have v_{t−21..t} and v_{t+1..t+21}; the last 252 of them.
    v = pd.Series(r**2)
    X = pd.DataFrame({"d": v, "w": v.rolling(5).mean(), "m": v.rolling(22).mean()})
    y = v.rolling(21).mean().shift(-21)
    fit_df = pd.concat([X, y.rename("y")], axis=1).dropna().tail(252)
    if len(fit_df) == 252:
        fit = sm.OLS(fit_df["y"], sm.add_constant(fit_df[["d", "w", "m"]])).fit()
        latest = np.array([1.0, X["d"].iloc[-1], X["w"].iloc[-1], X["m"].iloc[-1]])
        pred = float(fit.params.to_numpy() @ latest)
        out["harForecast"] = math.sqrt(max(pred, 0.0) * 252)
        out["harFitFirstDate"] = dates[fit_df.index[0]]
        out["harFitLastDate"] = dates[fit_df.index[-1]]
    else:
        out["harForecast"] = None
    return out


def value_at_risk(pnl, nav):
    out = {}
    if len(pnl) >= 250:
        L = pnl[-250:]
        out["historical"] = []
        for q in (0.95, 0.99):
            cutoff = np.quantile(L, 1 - q)
            es = -L[L <= cutoff].mean()
            out["historical"].append({"confidence": q, "var": float(-cutoff), "es": float(es), "varOfNav": float(-cutoff / nav), "esOfNav": float(es / nav)})
    else:
        out["historical"] = None
    if len(pnl) >= 63:
        sigma = np.std(pnl[-63:], ddof=1)
        out["parametric"] = []
        for q in (0.95, 0.99):
            z = norm.ppf(q)
            var, es = z * sigma, sigma * norm.pdf(z) / (1 - q)
            out["parametric"].append({"confidence": q, "var": float(var), "es": float(es), "varOfNav": float(var / nav), "esOfNav": float(es / nav)})
    else:
        out["parametric"] = None
    return out


def correlation(exposures, nav, date):
    e = exposures[(exposures.abs() / nav >= 0.01) & (exposures.abs() >= 10_000)]
    order = sorted(e.index, key=lambda s: (-abs(e[s]), s))[:25]
    lr = logret[order].loc[:date].iloc[1:].dropna().tail(90)
    R = np.corrcoef(lr.to_numpy().T)
    w = e[order].abs().to_numpy()
    w = w / w.sum()
    k = len(order)
    iu = np.triu_indices(k, 1)
    return {"symbols": order, "matrix": R.flatten().tolist(), "weights": w.tolist(),
            "averageAbsCorrelation": float(np.abs(R[iu]).mean()), "effectiveBets": float(1 / (w @ R @ w)),
            "from": lr.index[0], "to": lr.index[-1]}


def concentration(values):
    by = values.groupby("riskSymbol")["exposure"].sum()
    gross = by.abs().sum()
    w = (by.abs() / gross).sort_values(ascending=False)
    hhi = float((w**2).sum() * 10_000)
    return {"hhi": hhi, "effectivePositions": 10_000 / hhi, "top3Share": float(w.iloc[:3].sum()),
            "top10Share": float(w.iloc[:10].sum()), "gross": float(gross),
            "weights": {s: float(x) for s, x in w.items()}}


def sector(values, nav):
    def bucket(row):
        if row["class"] == "PRIVATE" or row["riskSymbol"] not in symbols.index:
            return "Unclassified"
        return symbols.at[row["riskSymbol"], "sector"]

    df = values.assign(sector=values.apply(bucket, axis=1), gross=values["exposure"].abs())
    g = df.groupby("sector").agg(gross=("gross", "sum"), net=("exposure", "sum"), positions=("id", "count"))
    return {s: {"gross": float(r.gross), "net": float(r.net), "grossOfNav": float(r.gross / nav), "netOfNav": float(r.net / nav),
                "positions": int(r.positions)} for s, r in g.iterrows()}


def analytics_case(pf, date):
    values = value_positions(pf["positions"], date)
    nav = float(pf["cash"] + values["marketValue"].sum())
    public = values[values["class"] != "PRIVATE"]
    exposures = public.groupby("riskSymbol")["exposure"].sum()
    betas = {}
    for s in exposures.index:
        missing = pf["noBeta"].get(s, [])
        b = {}
        if "MARKET" not in missing:
            b["MARKET"] = ols_beta(s, "SPY", date)
        if "IR" not in missing:
            b["IR"] = ols_beta(s, "TLT", date)
        betas[s] = b
    dates, pnl, r = return_series(exposures, nav, date, 294)
    return {
        "portfolio": pf["name"],
        "date": date,
        "nav": nav,
        "values": {row["id"]: {"exposure": row["exposure"], "marketValue": row["marketValue"]} for _, row in values.iterrows()},
        "betas": betas,
        "factorExposure": factor_exposure(values, betas, nav),
        "series": {"observations": len(r), "firstDate": dates[0], "lastDate": dates[-1],
                   "dollarPnlTail": pnl[-5:].tolist(), "returnsTail": r[-5:].tolist()},
        "volatility": volatility(dates, r),
        "var": value_at_risk(pnl, nav),
        "correlation": correlation(exposures, nav, date),
        "concentration": concentration(values),
        "sector": sector(values, nav),
    }


def nav_case():
    """NAV through the March 2020 crash by cash accounting, independent of the P&L roll-forward."""
    start, end = "2020-02-14", "2020-04-30"
    positions = [
        stock("nav-1", "AAPL", 1000, 81.0) | {"entryDate": start},
        stock("nav-2", "MSFT", 800, 180.0) | {"entryDate": start},
        stock("nav-3", "SPY", -500, 335.0) | {"entryDate": start},
        stock("nav-4", "XOM", 3000, 60.0) | {"entryDate": start, "exitDate": "2020-03-20", "exitPrice": 34.5},
        stock("nav-5", "JPM", 1500, 95.0) | {"entryDate": "2020-03-10"},
        private("nav-6", "ACME-RE", 100, 1000.0, 1100.0) | {"entryDate": start},
    ]
    flows = {"2020-03-02": 50_000.0, "2020-04-01": -25_000.0}
    starting_equity = 1_000_000.0
    days = closes.loc[start:end].index.tolist()

    def mark(p, d):
        if p["investmentClass"] == "PRIVATE":
            return p["markPrice"]
        return closes.at[d, p["symbol"]]

    def is_open(p, d):
        return p["entryDate"] <= d and (p["exitDate"] is None or d < p["exitDate"])

    rows = []
    cash = None
    for d in days:
        if cash is None:
            # The first day is marked at its own close: the book is worth the starting equity.
            cash = starting_equity - sum(p["quantity"] * mark(p, d) for p in positions if is_open(p, d))
        else:
            cash -= sum(p["quantity"] * p["entryPrice"] for p in positions if p["entryDate"] == d)
            cash += sum(p["quantity"] * p["exitPrice"] for p in positions if p["exitDate"] == d)
        cash += flows.get(d, 0.0)
        held = [p["quantity"] * mark(p, d) for p in positions if is_open(p, d)]
        nav = cash + sum(held)
        long = sum(x for x in held if x > 0)
        short = sum(x for x in held if x < 0)
        rows.append({"date": d, "nav": float(nav), "capitalFlow": flows.get(d, 0.0), "longExposure": long, "shortExposure": short,
                     "grossExposure": long - short, "netExposure": long + short, "cash": nav - long + abs(short),
                     "longCount": int(sum(x > 0 for x in held)), "shortCount": int(sum(x < 0 for x in held))})
    for prev, row in zip(rows, rows[1:]):
        row["pnl"] = row["nav"] - prev["nav"] - row["capitalFlow"]
        row["dailyReturn"] = row["pnl"] / prev["nav"]
    rows[0]["pnl"] = 0.0
    rows[0]["dailyReturn"] = 0.0
    return {"startingEquity": starting_equity, "positions": positions, "flows": flows, "days": rows}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    cases = [analytics_case(pf, d) for pf in PORTFOLIOS for d in DATES]
    portfolios = [{"name": pf["name"], "cash": pf["cash"], "positions": pf["positions"]} for pf in PORTFOLIOS]
    (OUT / "portfolio-analytics.json").write_text(json.dumps({"portfolios": portfolios, "cases": cases}, indent=1) + "\n")
    (OUT / "portfolio-nav.json").write_text(json.dumps(nav_case(), indent=1) + "\n")


if __name__ == "__main__":
    main()
