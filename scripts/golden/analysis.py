#!/usr/bin/python3
"""Golden risk decomposition and what-changed attribution (docs/METHODOLOGY.md, "Risk decomposition"
and "What changed"), with numpy / pandas / sklearn only.

- "decomposition": a book of bundled symbols (a short, an ETF, a symbol too young for a stress ridge)
  as of two dates: sklearn Ridge stress betas on the eight proxies, their in-sample residuals, the
  EWMA proxy covariance, and the factor / specific / per-symbol shares of the daily dollar variance.
- "whatChanged": two sides (A and B) of a made-up book with trades between them (a symbol bought,
  one sold out, one resized, one held without a beta on one side), betas and closes; the three parts
  per factor and per scenario, and each symbol's term of each part.

Writes tests/fixtures/golden/analysis.json.

Run: /usr/bin/python3 scripts/golden/analysis.py
"""
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge

from common import RIDGE_ALPHA, STRESS_PROXIES, cap, load_returns, window, write

LAMBDA = 0.94
YEAR = 252
DECOMPOSITION_DATES = ["2021-01-15", "2024-03-28", "2026-07-13"]
# Net dollar exposure per symbol (options already delta-adjusted on their underlying).
EXPOSURES = {"AAPL": 180_000.0, "MSFT": 140_000.0, "JPM": 90_000.0, "XOM": -70_000.0, "TLT": 60_000.0,
             "QQQ": 45_000.0, "NVDA": 35_000.0, "ABNB": 25_000.0}
NAV = 520_000.0


def ewma_cov(x: np.ndarray) -> np.ndarray:
    n = len(x)
    w = LAMBDA ** np.arange(n - 1, -1, -1, dtype=float)
    w /= w.sum()
    d = x - w @ x
    return (d * w[:, None]).T @ d


def stress_model(rets: pd.DataFrame, symbol: str, date: str) -> dict | None:
    w = window(pd.concat({"y": rets[symbol], **{p: rets[p] for p in STRESS_PROXIES}}, axis=1), date, 90)
    if len(w) < 30:
        return None
    x = w[STRESS_PROXIES]
    sd = x.std(ddof=0).to_numpy()
    xs = ((x - x.mean()) / sd).to_numpy()
    model = Ridge(alpha=RIDGE_ALPHA, fit_intercept=True).fit(xs, w["y"].to_numpy())
    resid = w["y"].to_numpy() - model.predict(xs)
    return {"betas": [cap(b)["beta"] for b in model.coef_ / sd], "specificVariance": float(np.mean(resid ** 2)), "n": len(w)}


def decomposition(rets: pd.DataFrame, date: str) -> dict:
    cov = ewma_cov(window(rets[STRESS_PROXIES], date, 252).to_numpy())
    models = {s: stress_model(rets, s, date) for s in EXPOSURES}
    held = [s for s in sorted(EXPOSURES) if models[s] is not None]
    e = np.array([EXPOSURES[s] for s in held])
    sb = np.array([models[s]["betas"] for s in held])
    s2 = np.array([models[s]["specificVariance"] for s in held])
    b = e @ sb
    cb = cov @ b
    vf = float(b @ cb)
    vs = float(np.sum(e ** 2 * s2))
    v = vf + vs
    per_dollar = sb @ cb + e * s2
    return {
        "date": date, "nav": NAV, "factorVariance": vf, "specificVariance": vs, "variance": v,
        "volDollars": float(np.sqrt(YEAR * v)), "volPctNav": float(np.sqrt(YEAR * v) / NAV),
        "factorShare": vf / v, "specificShare": vs / v,
        "factors": [{"proxy": p, "dollars": float(b[k]), "share": float(b[k] * cb[k] / v)} for k, p in enumerate(STRESS_PROXIES)],
        "symbols": [{"symbol": s, "exposure": float(e[i]), "specificVol": float(np.sqrt(s2[i])),
                     "componentShare": float(e[i] * per_dollar[i] / v), "marginal": float(np.sqrt(YEAR) * per_dollar[i] / np.sqrt(v))}
                    for i, s in enumerate(held)],
        "excluded": [s for s in sorted(EXPOSURES) if models[s] is None],
    }


# What changed: holdings as (exposure $, close); betas per factor (a missing entry = no beta).
FACTORS = ["MARKET", "IR", "VALUE", "GROWTH"]
SIDE_A = {
    "holdings": {"AAPL": (100 * 190.5, 190.5), "MSFT": (50 * 410.0, 410.0), "KO": (-300 * 61.2, 61.2), "XYZ": (1000 * 12.0, 12.0)},
    "betas": {"AAPL": {"MARKET": 1.21, "IR": -0.12, "VALUE": -0.4, "GROWTH": 0.9},
              "MSFT": {"MARKET": 1.05, "IR": -0.05, "VALUE": -0.2, "GROWTH": 0.7},
              "KO": {"MARKET": 0.55, "IR": 0.2, "VALUE": 0.5, "GROWTH": -0.3}},
    "closes": {"NVDA": 118.0},
}
SIDE_B = {
    "holdings": {"AAPL": (150 * 195.25, 195.25), "KO": (-300 * 60.1, 60.1), "XYZ": (1000 * 12.6, 12.6),
                 # a call: delta 0.42 × 3 contracts × 100 on NVDA at its close
                 "NVDA": (0.42 * 3 * 100 * 121.4, 121.4)},
    "betas": {"AAPL": {"MARKET": 1.18, "IR": -0.1, "VALUE": -0.38, "GROWTH": 0.95},
              "KO": {"MARKET": 0.57, "IR": 0.22, "VALUE": 0.48, "GROWTH": -0.31},
              "XYZ": {"MARKET": 1.6, "IR": 0.0, "VALUE": 0.1, "GROWTH": 0.2},
              "NVDA": {"MARKET": 1.9, "IR": -0.3, "VALUE": -0.9, "GROWTH": 1.4}},
    "closes": {"MSFT": 415.5},
}
SHOCKS = {"MARKET_CRASH": {"MARKET": -0.35}, "RATES_UP_100BP": {"IR": -0.17},
          "VALUE_ROTATION": {"VALUE": 0.2, "GROWTH": -0.1}}


def what_changed() -> dict:
    symbols = sorted(set(SIDE_A["holdings"]) | set(SIDE_B["holdings"]))
    ha, hb = SIDE_A["holdings"], SIDE_B["holdings"]

    def close(side, other, s):
        return side["holdings"][s][1] if s in side["holdings"] else side["closes"].get(s, other["holdings"][s][1])

    q_a = np.array([ha[s][0] / ha[s][1] if s in ha else 0.0 for s in symbols])
    q_b = np.array([hb[s][0] / hb[s][1] if s in hb else 0.0 for s in symbols])
    p_a = np.array([close(SIDE_A, SIDE_B, s) for s in symbols])
    p_b = np.array([close(SIDE_B, SIDE_A, s) for s in symbols])

    def beta(side, other, s, f):
        src = side if s in side["holdings"] else other
        return src["betas"].get(s, {}).get(f, 0.0)

    factors = {}
    for f in FACTORS:
        b_a = np.array([beta(SIDE_A, SIDE_B, s, f) for s in symbols])
        b_b = np.array([beta(SIDE_B, SIDE_A, s, f) for s in symbols])
        own_a = np.array([SIDE_A["betas"].get(s, {}).get(f, 0.0) if s in ha else 0.0 for s in symbols])
        own_b = np.array([SIDE_B["betas"].get(s, {}).get(f, 0.0) if s in hb else 0.0 for s in symbols])
        dollars_a = float(sum(ha[s][0] * own_a[i] for i, s in enumerate(symbols) if s in ha))
        dollars_b = float(sum(hb[s][0] * own_b[i] for i, s in enumerate(symbols) if s in hb))
        parts = {"positions": (q_b - q_a) * p_a * b_a, "prices": q_b * (p_b - p_a) * b_a, "betas": q_b * p_b * (b_b - b_a)}
        factors[f] = {"dollarsA": dollars_a, "dollarsB": dollars_b, "change": dollars_b - dollars_a,
                      **{k: float(v.sum()) for k, v in parts.items()},
                      "bySymbol": {k: dict(zip(symbols, v.tolist())) for k, v in parts.items()}}
    scenarios = {}
    for key, shocks in SHOCKS.items():
        by = {k: sum(shocks[f] * np.array([factors[f]["bySymbol"][k][s] for s in symbols]) for f in shocks) for k in ["positions", "prices", "betas"]}
        scenarios[key] = {"change": float(sum(shocks[f] * factors[f]["change"] for f in shocks)),
                          **{k: float(v.sum()) for k, v in by.items()}, "bySymbol": {k: dict(zip(symbols, v.tolist())) for k, v in by.items()}}
    side = lambda d: {"holdings": {s: {"exposure": e, "price": p} for s, (e, p) in d["holdings"].items()}, "betas": d["betas"], "closes": d["closes"]}
    return {"factors": FACTORS, "sideA": side(SIDE_A), "sideB": side(SIDE_B), "shocks": SHOCKS,
            "expected": {"factors": factors, "scenarios": scenarios,
                         "symbols": [{"symbol": s, "qA": float(q_a[i]), "qB": float(q_b[i]), "pA": float(p_a[i]), "pB": float(p_b[i])} for i, s in enumerate(symbols)]}}


def main() -> None:
    rets = load_returns()
    write("analysis.json", {
        "source": "scripts/golden/analysis.py (sklearn Ridge stress betas and residuals, numpy EWMA covariance and attribution)",
        "exposures": EXPOSURES,
        "decomposition": [decomposition(rets, d) for d in DECOMPOSITION_DATES],
        "whatChanged": what_changed(),
    })


if __name__ == "__main__":
    main()
