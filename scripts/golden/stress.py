#!/usr/bin/python3
"""Golden factor covariance, stress betas and stress tests (docs/METHODOLOGY.md, "Factor covariance" to "Stress tests and scenarios"), with numpy / sklearn from the
bundled prices. Writes tests/fixtures/golden/stress.json.

Run: /usr/bin/python3 scripts/golden/stress.py
"""
import numpy as np
import pandas as pd

from common import STRESS_PROXIES, STYLE_KEYS, cap, load_closes, load_returns, ridge_betas, symbol_betas, window, write

LAMBDA = 0.94
TLT_DURATION = 17.0
FACTOR_PROXY = {"MARKET": "SPY", "VALUE": "VTV", "GROWTH": "VUG", "MOMENTUM": "MTUM", "QUALITY": "QUAL",
                "SIZE": "IWM", "LOW_VOL": "USMV", "IR": "TLT"}
# A subset of the scenario registry, restated here independently; rates in bp.
SCENARIOS = {
    "MARKET_CRASH": ({"MARKET": -0.35}, None),
    "RATES_UP_100BP": ({}, 100),
    "RATES_DOWN_25BP": ({}, -25),
    "VALUE_ROTATION": ({"VALUE": 0.2, "GROWTH": -0.1}, None),
    "LIQUIDITY_CRISIS": ({"MARKET": -0.2, "LOW_VOL": -0.3, "QUALITY": 0.15, "SIZE": -0.1}, None),
    "DOTCOM_2000": ({"MARKET": -0.45, "GROWTH": -0.6, "VALUE": 0.2, "MOMENTUM": -0.5, "QUALITY": 0.15}, None),
}
COVARIANCE_DATES = ["2020-03-23", "2023-06-30", "2026-07-13"]
STRESS_DATE = "2026-07-13"
# (key, symbol, exposure $, gamma shares Γ·qty·100 or None); option on NVDA is delta-adjusted.
POSITIONS = [("p-aapl", "AAPL", 150_000.0, None), ("p-msft", "MSFT", 120_000.0, None), ("p-jpm", "JPM", 80_000.0, None),
             ("p-xom", "XOM", -60_000.0, None), ("p-tlt", "TLT", 90_000.0, None), ("p-iwm", "IWM", 50_000.0, None),
             ("p-nvda-call", "NVDA", 40_000.0, 30.0)]
NAVS = {"normal": 400_000.0, "leveraged": 100_000.0}


def ewma_cov(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x: rows oldest → latest. w_k ∝ λ^k with k = 0 the latest, normalised."""
    n = len(x)
    w = LAMBDA ** np.arange(n - 1, -1, -1, dtype=float)
    w /= w.sum()
    mu = w @ x
    d = x - mu
    return mu, (d * w[:, None]).T @ d


def covariance_at(rets: pd.DataFrame, date: str) -> dict:
    win = window(rets[STRESS_PROXIES], date, 252)
    mu, cov = ewma_cov(win.to_numpy())
    sd = np.sqrt(np.diag(cov))
    return {"date": date, "n": len(win), "startDate": win.index[0], "endDate": win.index[-1], "mean": mu.tolist(),
            "covariance": cov.tolist(), "correlation": (cov / np.outer(sd, sd)).tolist()}


def stress_betas(rets: pd.DataFrame, symbol: str, date: str) -> dict:
    w = window(pd.concat({"y": rets[symbol], **{p: rets[p] for p in STRESS_PROXIES}}, axis=1), date, 90)
    betas, r2 = ridge_betas(w["y"], w[STRESS_PROXIES])
    return {"betas": [cap(b)["beta"] for b in betas], "rawBetas": betas.tolist(), "rSquared": r2, "n": len(w)}


def main() -> None:
    rets = load_returns()
    closes = load_closes()
    covs = [covariance_at(rets, d) for d in COVARIANCE_DATES]
    cov = np.array(covs[-1]["covariance"])
    sb = {sym: stress_betas(rets, sym, STRESS_DATE) for _, sym, _, _ in POSITIONS}
    fb = {sym: symbol_betas(rets, sym, STRESS_DATE) for _, sym, _, _ in POSITIONS}
    dollars = {f: sum(e * fb[sym][f]["beta"] for _, sym, e, _ in POSITIONS) for f in ["MARKET", "IR", *STYLE_KEYS]}
    spot = {sym: float(closes.loc[STRESS_DATE, sym]) for _, sym, _, _ in POSITIONS}

    scenarios = dict(SCENARIOS)
    replay = {f: float(closes.loc["2020-03-23", p] / closes.loc["2020-02-19", p] - 1) for f, p in FACTOR_PROXY.items()}
    results = []
    for key in [*scenarios, "COVID_2020"]:
        if key == "COVID_2020":
            factor_shocks = replay
        else:
            factor_shocks, bp = scenarios[key]
            factor_shocks = dict(factor_shocks)
            if bp is not None:
                factor_shocks["IR"] = -TLT_DURATION * bp / 10_000
        x = np.full(len(STRESS_PROXIES), np.nan)
        for f, v in factor_shocks.items():
            x[STRESS_PROXIES.index(FACTOR_PROXY[f])] = v
        s = ~np.isnan(x)
        u = ~s
        if u.any():
            x[u] = cov[np.ix_(u, s)] @ np.linalg.solve(cov[np.ix_(s, s)], x[s])
        direct = {f: dollars[f] * v for f, v in factor_shocks.items()}
        per_position = []
        per_proxy = np.zeros(len(STRESS_PROXIES))
        for pkey, sym, e, gamma in POSITIONS:
            b = np.array(sb[sym]["betas"])
            r = float(b @ x)
            per_proxy += e * b * x
            g = 0.5 * gamma * (spot[sym] * r) ** 2 if gamma is not None else 0.0
            per_position.append({"key": pkey, "impliedReturn": r, "linearPnl": e * r, "gammaPnl": g, "pnl": e * r + g})
        gamma_pnl = sum(p["gammaPnl"] for p in per_position)
        correlated = float(per_proxy.sum() + gamma_pnl)
        direct_pnl = float(sum(direct.values()))
        results.append({
            "scenario": key, "factorShocks": factor_shocks, "completedShocks": x.tolist(),
            "direct": {"pnl": direct_pnl, "byFactor": direct},
            "correlated": {"pnl": correlated, "byProxy": per_proxy.tolist(), "gammaPnl": gamma_pnl, "positions": per_position},
            "byNav": {name: {"directPct": direct_pnl / nav, "correlatedPct": correlated / nav,
                             "directExceedsNav": nav + direct_pnl < 0, "correlatedExceedsNav": nav + correlated < 0}
                      for name, nav in NAVS.items()},
        })
    write("stress.json", {
        "source": "scripts/golden/stress.py (numpy EWMA covariance, sklearn Ridge stress betas, numpy conditional shocks)",
        "proxies": STRESS_PROXIES, "covariances": covs, "stressDate": STRESS_DATE, "tltDuration": TLT_DURATION,
        "positions": [{"key": k, "symbol": s, "exposure": e, "gammaShares": g, "underlyingPrice": spot[s] if g is not None else None}
                      for k, s, e, g in POSITIONS],
        "navs": NAVS, "stressBetas": sb, "dollarExposures": dollars, "scenarios": results,
    })


if __name__ == "__main__":
    main()
